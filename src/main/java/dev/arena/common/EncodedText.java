package dev.arena.common;

import java.nio.charset.StandardCharsets;

/**
 * A text frame serialised once: the JSON text and its UTF-8 bytes, shared read-only by every socket it goes to
 * (a broadcast to 1,000 members encodes once, not 1,000 times). Immutable: its final fields make it safe to hand
 * between threads without a lock. Never write into {@link #utf8()}.
 */
public final class EncodedText {
    private final String text;
    private final byte[] utf8;

    private EncodedText(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    public static EncodedText of(String text) {
        return new EncodedText(text);
    }

    public String text() {
        return text;
    }

    /** The UTF-8 bytes, shared: read them, never change them. */
    public byte[] utf8() {
        return utf8;
    }

    @Override
    public String toString() {
        return text;
    }
}
