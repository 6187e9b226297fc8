package dev.arena.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arena.common.Digits;
import dev.arena.common.Json;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text put together from pieces already JSON ({@link EventLog#json()}): ASCII punctuation and names, numbers,
 * and bytes copied as they are; any other value written by {@code Json.MAPPER}. Writes nothing per piece but its
 * bytes, in one array that doubles when full. Also the stream a generator writes one input's JSON into
 * ({@link EventLog}), cleared and reused for the next.
 */
final class JsonOut extends OutputStream {
    private byte[] buf;
    private int size;

    JsonOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** {@code s} must be ASCII (its chars are written as bytes). */
    JsonOut ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    JsonOut number(long v) {
        room(Digits.MAX);
        size = Digits.put(buf, size, v);
        return this;
    }

    JsonOut raw(byte[] b) {
        return raw(b, 0, b.length);
    }

    JsonOut raw(byte[] b, int offset, int length) {
        room(length);
        System.arraycopy(b, offset, buf, size, length);
        size += length;
        return this;
    }

    /** Any value, as {@code Json.MAPPER} writes it (a string quoted and escaped, a map as an object). */
    JsonOut value(Object v) {
        try {
            return raw(Json.MAPPER.writeValueAsBytes(v));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    /** The bytes written so far are {@code array()[0, size())}. */
    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    @Override
    public void write(int b) {
        room(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        raw(b, off, len);
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
        }
    }
}
