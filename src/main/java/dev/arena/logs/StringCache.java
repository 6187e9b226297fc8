package dev.arena.logs;

import java.nio.charset.StandardCharsets;

/**
 * Canonical strings for the values a log repeats on every line (game, mode, player and type ids): one String per
 * distinct value instead of one per line, so parsing allocates less and the batch's maps hash each id once (a
 * String caches its hash) and compare ids by identity first. A small direct-mapped table: a collision replaces the
 * older entry, which only costs a new String later. Not thread-safe: one per parser.
 */
final class StringCache {
    private static final int SIZE = 1 << 14;
    static final int MAX_LENGTH = 64;

    private final String[] table = new String[SIZE];

    /** The string of {@code chars[off, off + len)}, the same instance as last time when it is still cached. */
    String get(char[] chars, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(chars, off, len);
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        String s = table[slot];
        if (s != null && s.length() == len && same(s, chars, off, len)) {
            return s;
        }
        s = new String(chars, off, len);
        table[slot] = s;
        return s;
    }

    /** The same for ASCII bytes (the hash is the same as of their chars, so both share the table). */
    String get(byte[] ascii, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(ascii, off, len, StandardCharsets.ISO_8859_1);
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + ascii[i];
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        String s = table[slot];
        if (s != null && s.length() == len && same(s, ascii, off, len)) {
            return s;
        }
        s = new String(ascii, off, len, StandardCharsets.ISO_8859_1);
        table[slot] = s;
        return s;
    }

    private static boolean same(String s, byte[] ascii, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != ascii[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String s, char[] chars, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }
}
