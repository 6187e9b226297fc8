package dev.arena.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps with an offset or {@code Z}. The common shape ({@code 2026-12-06T05:00:00.123Z}) is read by
 * hand, because {@link DateTimeFormatter} costs about as much as the rest of a line's parse; anything else goes
 * to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, so both paths accept the same language. An instance reads
 * the common shape straight from a line's bytes and remembers the last hour it read ({@code yyyy-MM-ddTHH}, the
 * part a log repeats line after line): a line of the same hour only reads its minutes, seconds, fraction and
 * offset. Instances are not thread-safe: one per parser.
 */
final class Timestamps {
    /** The last hour read: its 13 bytes, and its start as epoch seconds before the offset is applied. */
    private final byte[] hourText = new byte[13];
    private boolean hourKnown;
    private long hourSeconds;

    static Instant parse(String s) throws BadLine {
        Instant fast = fast(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadLine("ts: must be an ISO-8601 timestamp with an offset or Z");
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for any other shape (the slow path decides). */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 20 || n > 40) {
            return null;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            b[i] = (byte) c;
        }
        return new Timestamps().read(b, 0, n);
    }

    /**
     * The common shape read from ASCII bytes {@code [off, off + len)}, or null for any other shape (then
     * {@link #parse(String)} decides, and gives the reason when it is bad).
     */
    Instant read(byte[] b, int off, int len) {
        if (len < 20) {
            return null;
        }
        long hour;
        if (hourKnown && sameHour(b, off)) {
            hour = hourSeconds;
        } else {
            hour = hour(b, off);
            if (hour == Long.MIN_VALUE) {
                return null;
            }
            System.arraycopy(b, off, hourText, 0, 13);
            hourSeconds = hour;
            hourKnown = true;
        }
        if (b[off + 13] != ':' || b[off + 16] != ':') {
            return null;
        }
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        if ((minute | second) < 0 || minute > 59 || second > 59) {
            return null;
        }
        int n = off + len;
        int i = off + 19;
        int nanos = 0;
        if (b[i] == '.') {
            int start = ++i;
            while (i < n && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            int digits = i - start;
            if (digits < 1 || digits > 9) {
                return null;
            }
            nanos = digits(b, start, digits);
            for (int k = digits; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        byte c = b[i];
        if ((c == 'Z' || c == 'z') && i == n - 1) {
            offsetSeconds = 0;
        } else if ((c == '+' || c == '-') && i + 6 == n && b[i + 3] == ':') {
            int oh = digits(b, i + 1, 2);
            int om = digits(b, i + 4, 2);
            if (oh < 0 || om < 0 || om > 59 || oh * 3600 + om * 60 > 18 * 3600) {
                return null; // java.time's offsets stop at 18:00 (the fast path once took -18:32)
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
        } else {
            return null;
        }
        return Instant.ofEpochSecond(hour + minute * 60L + second - offsetSeconds, nanos);
    }

    private boolean sameHour(byte[] b, int off) {
        for (int k = 0; k < 13; k++) {
            if (b[off + k] != hourText[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code yyyy-MM-ddTHH} as epoch seconds (before the offset), or {@link Long#MIN_VALUE} when not that shape. */
    private static long hour(byte[] b, int off) {
        if (b[off + 4] != '-' || b[off + 7] != '-' || (b[off + 10] != 'T' && b[off + 10] != 't')) {
            return Long.MIN_VALUE;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        if ((year | month | day | hour) < 0 || hour > 23) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600L;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE; // 2026-02-30: the slow path says why
        }
    }

    private static int digits(byte[] b, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }
}
