package dev.arena.common;

/** A whole number written as ASCII digits straight into a byte array: no String on the way (text built per row). */
public final class Digits {
    /** The most bytes {@link #put} writes: a sign and 19 digits. */
    public static final int MAX = 20;

    private Digits() {}

    /** Writes {@code v} at {@code at}; returns where the next byte goes. {@code buf} needs {@link #MAX} bytes free. */
    public static int put(byte[] buf, int at, long v) {
        if (v == Long.MIN_VALUE) {
            for (char c : Long.toString(v).toCharArray()) {
                buf[at++] = (byte) c;
            }
            return at;
        }
        if (v < 0) {
            buf[at++] = '-';
            v = -v;
        }
        int start = at;
        do {
            buf[at++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = at - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return at;
    }
}
