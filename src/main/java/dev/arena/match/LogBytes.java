package dev.arena.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Append-only bytes for an {@link EventLog}: records in chunks of {@link #FIRST_CHUNK} to {@link #MAX_CHUNK} bytes,
 * each record whole in one chunk (so a reader can hand out a record's bytes in place). A record starts with a kind
 * byte that is never 0: a 0 where a record would start, or the end of a chunk, means the chunk's records are over
 * (a fresh array is zeroes). Numbers are unsigned LEB128 varints, a tick is a zigzag varint of its difference from
 * the record before. Not thread-safe: written by the match's owner, read once the log is closed.
 */
final class LogBytes {
    static final int FIRST_CHUNK = 256;
    static final int MAX_CHUNK = 16 * 1024;
    /** A varint of a long takes at most 10 bytes, of an int 5. */
    static final int MAX_LONG = 10;
    static final int MAX_INT = 5;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[0];
    private int end;
    private long total;

    /** Bytes held in records (not counting the chunks' unused ends). */
    long size() {
        return total;
    }

    /**
     * Starts a record of at most {@code max} bytes with its kind: the current chunk, or a new one when it has less
     * room. A record larger than {@link #MAX_CHUNK} gets a chunk of its own size.
     */
    void start(byte kind, int max) {
        if (end + max > chunk.length) {
            int size = Math.max(max, Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, chunk.length * 2)));
            chunk = new byte[size];
            chunks.add(chunk);
            end = 0;
        }
        put(kind);
    }

    void put(byte b) {
        chunk[end++] = b;
        total++;
    }

    void putVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    void putTick(long delta) {
        putVarLong((delta << 1) ^ (delta >> 63));
    }

    void putBytes(byte[] b) {
        putBytes(b, b.length);
    }

    /** A byte field: its length, then the first {@code length} bytes of {@code b}. */
    void putBytes(byte[] b, int length) {
        putVarLong(length);
        System.arraycopy(b, 0, chunk, end, length);
        end += length;
        total += length;
    }

    Reader reader() {
        return new Reader(chunks);
    }

    /** Reads the records in order; {@link #next()} gives each one's kind, then the kind's reads take its fields. */
    static final class Reader {
        private final List<byte[]> chunks;
        private int index = -1;
        private byte[] at = new byte[0];
        private int pos;
        private int fieldStart;

        Reader(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        /** The next record's kind, or 0 when there are no more. */
        byte next() {
            while (pos >= at.length || at[pos] == 0) {
                if (++index >= chunks.size()) {
                    return 0;
                }
                at = chunks.get(index);
                pos = 0;
            }
            return at[pos++];
        }

        long varLong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = at[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        long tick() {
            long z = varLong();
            return (z >>> 1) ^ -(z & 1);
        }

        /** Reads a byte field: its length; its bytes are {@link #array()} from {@link #offset()}. */
        int bytes() {
            int n = (int) varLong();
            fieldStart = pos;
            pos += n;
            return n;
        }

        byte[] array() {
            return at;
        }

        /** Where the byte field last read by {@link #bytes()} starts in {@link #array()}. */
        int offset() {
            return fieldStart;
        }
    }
}
