package dev.arena.logs;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines and parses each, in bounded memory: one buffer of {@link #BUFFER_BYTES}, which
 * always holds a whole line of up to {@link #MAX_LINE_BYTES}; a longer line is skipped as it streams past (never
 * buffered) and reported as bad. Lines end with {@code \n} (a {@code \r} before it is dropped); the last line may
 * lack it. Lines of only blank space are counted but are neither events nor bad. A read failure (a broken upload)
 * propagates, and the unfinished last line is never reported, so a resume starts at its first byte.
 */
public final class NdjsonReader {
    public static final int MAX_LINE_BYTES = 64 * 1024;
    static final int BUFFER_BYTES = 256 * 1024;

    /** What each line became. Exactly one call per line, in order. */
    public interface Sink {
        /**
         * @param number    the line's number in the whole file (1-based)
         * @param endOffset the file offset just after the line (where a resume after it would start)
         * @param event     the event, or null for a bad or blank line
         * @param bad       why the line is bad, or null
         */
        void line(long number, long endOffset, LogEvent event, String bad) throws Exception;
    }

    private final LineParser parser = new LineParser();
    private final byte[] buf = new byte[BUFFER_BYTES];

    /**
     * Reads {@code in} to its end. {@code startOffset} and {@code startLine} say where in the file the stream
     * begins (a resume), so offsets and line numbers are the file's.
     */
    public void read(InputStream in, long startOffset, long startLine, Sink sink) throws Exception {
        long base = startOffset; // file offset of buf[0]
        long line = startLine;
        int start = 0;
        int end = 0;
        int scan = 0;
        boolean tooLong = false;
        while (true) {
            int nl = newline(buf, scan, end);
            if (nl >= 0) {
                line++;
                deliver(sink, line, base + nl + 1, start, nl, tooLong);
                tooLong = false;
                start = nl + 1;
                scan = start;
                continue;
            }
            if (end - start > MAX_LINE_BYTES + 1) { // + 1: a \r may still follow before the \n
                tooLong = true;
                start = end; // forget what streamed past; the line is bad whatever follows
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                base += start;
                end -= start;
                start = 0;
            }
            scan = end;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start || tooLong) {
                    line++;
                    deliver(sink, line, base + end, start, end, tooLong);
                }
                return;
            }
            end += n;
        }
    }

    private void deliver(Sink sink, long number, long endOffset, int from, int to, boolean tooLong) throws Exception {
        if (tooLong) {
            sink.line(number, endOffset, null, "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        if (to - from > MAX_LINE_BYTES) {
            sink.line(number, endOffset, null, "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        if (blank(from, to)) {
            sink.line(number, endOffset, null, null);
            return;
        }
        LogEvent event;
        try {
            event = parser.parse(buf, from, to - from);
        } catch (BadLine e) {
            sink.line(number, endOffset, null, e.reason());
            return;
        }
        sink.line(number, endOffset, event, null);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOWS = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time (a zero byte of {@code word ^
     * NEWLINES} is a newline; the lowest flagged byte is always a true one), about four times cheaper than a byte loop.
     */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (w - LOWS) & ~w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Reads a whole stream into the sink; for tests and the CLI. */
    public static void readAll(InputStream in, Sink sink) throws Exception {
        new NdjsonReader().read(in, 0, 0, sink);
    }
}
