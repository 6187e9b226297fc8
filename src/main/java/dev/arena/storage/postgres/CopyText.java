package dev.arena.storage.postgres;

import dev.arena.common.Digits;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows in COPY's text format (tab-separated, backslash escapes, {@code \N} for null), written straight into a
 * fixed buffer that is handed to the COPY whenever it fills: no row is built as a String, and memory stays one
 * buffer however many rows go out. Timestamps are written by hand ({@code Instant.toString()} costs more than the
 * rest of a row). Not thread-safe: one per COPY.
 */
final class CopyText {
    /** Where full buffers go (a pgjdbc {@code CopyIn}). */
    interface Out {
        void write(byte[] bytes, int off, int len) throws SQLException;
    }

    private static final int SIZE = 64 * 1024;
    /** Room that a field written without a check may take (a number, a timestamp). */
    private static final int SLACK = 64;

    private final Out out;
    private final byte[] buf = new byte[SIZE];
    private int n;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] dayText = new byte[11];

    CopyText(Out out) {
        this.out = out;
    }

    CopyText tab() throws SQLException {
        room(1);
        buf[n++] = '\t';
        return this;
    }

    CopyText endRow() throws SQLException {
        room(1);
        buf[n++] = '\n';
        return this;
    }

    CopyText nul() throws SQLException {
        room(2);
        buf[n++] = '\\';
        buf[n++] = 'N';
        return this;
    }

    /** A text field, escaped; ASCII goes byte by byte, anything else through UTF-8. */
    CopyText text(String s) throws SQLException {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return utf8(s, i);
            }
            room(2);
            switch (c) {
                case '\\' -> {
                    buf[n++] = '\\';
                    buf[n++] = '\\';
                }
                case '\t' -> {
                    buf[n++] = '\\';
                    buf[n++] = 't';
                }
                case '\n' -> {
                    buf[n++] = '\\';
                    buf[n++] = 'n';
                }
                case '\r' -> {
                    buf[n++] = '\\';
                    buf[n++] = 'r';
                }
                default -> buf[n++] = (byte) c;
            }
        }
        return this;
    }

    private CopyText utf8(String s, int from) throws SQLException {
        String rest = s.substring(from).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r");
        byte[] b = rest.getBytes(StandardCharsets.UTF_8);
        bytes(b, 0, b.length);
        return this;
    }

    CopyText number(long v) throws SQLException {
        room(SLACK);
        n = Digits.put(buf, n, v);
        return this;
    }

    /** Whole numbers (most values) as integers; others in Java's shortest exact form, which PostgreSQL reads back exactly. */
    CopyText number(double v) throws SQLException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return number((long) v);
        }
        return ascii(Double.toString(v));
    }

    /** {@code yyyy-MM-dd HH:mm:ss.fffffffff+00} for years 1000-9999, else ISO-8601 (which PostgreSQL reads too). */
    CopyText timestamp(Instant t) throws SQLException {
        long s = t.getEpochSecond();
        long day = Math.floorDiv(s, 86_400);
        if (day != cachedDay) {
            LocalDate d = LocalDate.ofEpochDay(day);
            if (d.getYear() < 1000 || d.getYear() > 9999) {
                return ascii(t.toString());
            }
            byte[] text = (d + " ").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, dayText, 0, 11);
            cachedDay = day;
        }
        room(SLACK);
        System.arraycopy(dayText, 0, buf, n, 11);
        n += 11;
        int sec = (int) Math.floorMod(s, 86_400);
        two(sec / 3600);
        buf[n++] = ':';
        two(sec / 60 % 60);
        buf[n++] = ':';
        two(sec % 60);
        int nanos = t.getNano();
        if (nanos != 0) {
            buf[n++] = '.';
            for (int div = 100_000_000; div > 0; div /= 10) {
                buf[n++] = (byte) ('0' + nanos / div % 10);
            }
        }
        buf[n++] = '+';
        buf[n++] = '0';
        buf[n++] = '0';
        return this;
    }

    private void two(int v) {
        buf[n++] = (byte) ('0' + v / 10);
        buf[n++] = (byte) ('0' + v % 10);
    }

    private CopyText ascii(String s) throws SQLException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        bytes(b, 0, b.length);
        return this;
    }

    private void bytes(byte[] b, int off, int len) throws SQLException {
        if (len > SIZE) {
            flush();
            out.write(b, off, len);
            return;
        }
        room(len);
        System.arraycopy(b, off, buf, n, len);
        n += len;
    }

    private void room(int len) throws SQLException {
        if (n + len > SIZE) {
            flush();
        }
    }

    /** Hands what is buffered to the COPY (call once more at the end). */
    void flush() throws SQLException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }
}
