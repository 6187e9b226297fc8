package dev.arena.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;

/**
 * The one JSON mapper of the wire format: snake_case fields, ISO-8601 timestamps, nulls kept
 * (an absent value is shown as null, not hidden). Thread-safe once built.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    /** Nesting deeper than this in client JSON is refused (no game input or body needs more). */
    public static final int MAX_DEPTH = 64;
    /** Digits (with sign, point and exponent) of one number in client JSON. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Characters of one string value in client JSON (bodies and frames are smaller still by default). */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** Characters of one field name in client JSON. */
    public static final int MAX_NAME_LENGTH = 1024;

    /**
     * The parser of everything a client sends (HTTP bodies, socket frames, log lines). Its limits refuse a
     * 100,000-deep array or a million-digit number while it is being read, before any recursion over the value can
     * overflow the stack or a BigInteger can eat the CPU. Server-written JSON read back ({@link #MAPPER}) keeps
     * Jackson's wider defaults: a stored log nests a client's input a few levels down.
     */
    public static final JsonFactory CLIENT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .build();

    private Json() {}

    /** Client JSON that cannot be read, or breaks a limit; the message says which, in words a client can act on. */
    public static final class Unreadable extends RuntimeException {
        private final boolean limit;

        Unreadable(String message, boolean limit) {
            super(message, null, false, false); // bad input is expected: no stack trace
            this.limit = limit;
        }

        /** True when the JSON is well-formed as far as it was read but breaks one of the limits above. */
        public boolean limit() {
            return limit;
        }
    }

    /** Client JSON as Vert.x values ({@code JsonObject}, {@code JsonArray}, strings, numbers, ...), within the limits. */
    public static Object parse(Buffer json) {
        try {
            return read(CLIENT.createParser(json.getBytes()));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    public static Object parse(String json) {
        try {
            return read(CLIENT.createParser(json));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static Object read(JsonParser parser) {
        try {
            return JacksonCodec.fromParser(parser, Object.class);
        } catch (DecodeException e) {
            throw unreadable(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static Unreadable unreadable(Throwable e) {
        if (e instanceof StreamConstraintsException c) {
            return new Unreadable(limitBroken(c.getOriginalMessage()), true);
        }
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        m = m == null ? "unreadable" : m.lines().findFirst().orElse("unreadable");
        return new Unreadable(m.length() > 200 ? m.substring(0, 200) : m, false);
    }

    /** Jackson names its own setting; a client is told the limit instead. */
    private static String limitBroken(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("Document nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.startsWith("Number value length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("String value length")) {
            return "a string longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (m.startsWith("Name length")) {
            return "a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        return "too large to read";
    }

    public static Buffer encode(Object value) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Appends {@code s} as a JSON string literal, quotes included ({@code null} as {@code null}). */
    public static StringBuilder appendQuoted(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        b.append('"');
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s, b);
        return b.append('"');
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return appendQuoted(new StringBuilder(s.length() + 2), s).toString();
    }

    public static String encodeToString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** {@code value} as UTF-8 JSON bytes, written straight as bytes (no String on the way). */
    public static byte[] encodeToUtf8(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Reads JSON written by {@link #encodeToString} back (for values this server stored itself). */
    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type.getName() + " back", e);
        }
    }
}
