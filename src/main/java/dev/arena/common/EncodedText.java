package dev.arena.common;

import java.nio.charset.StandardCharsets;

/**
 * A text frame serialised once: the JSON text and its UTF-8 bytes, shared read-only by every socket it goes to
 * (a broadcast to 1,000 members encodes once, not 1,000 times). Immutable: its final fields make it safe to hand
 * between threads without a lock. Never write into {@link #utf8()}.
 */
public final class EncodedText {
    private final byte[] utf8;
    /**
     * Made from the bytes on first use when built by {@link #ofUtf8}. A race makes it twice at worst: a String is
     * immutable, so a reference read without a lock is a whole one.
     */
    private String text;

    private EncodedText(String text, byte[] utf8) {
        this.text = text;
        this.utf8 = utf8;
    }

    public static EncodedText of(String text) {
        return new EncodedText(text, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * From bytes a serialiser wrote straight as UTF-8 (a match frame: no String and no second encoding on the way);
     * the bytes are kept, not copied, so the caller must not change them afterwards.
     */
    public static EncodedText ofUtf8(byte[] utf8) {
        return new EncodedText(null, utf8);
    }

    public String text() {
        String t = text;
        if (t == null) {
            t = new String(utf8, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    /** The UTF-8 bytes, shared: read them, never change them. */
    public byte[] utf8() {
        return utf8;
    }

    @Override
    public String toString() {
        return text();
    }
}
