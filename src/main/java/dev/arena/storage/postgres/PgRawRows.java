package dev.arena.storage.postgres;

import dev.arena.logs.LogEvent;
import dev.arena.logs.RawRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * A batch's raw events as the bytes of their COPY into {@code log_events} (binary format, {@link CopyBinary}),
 * encoded as each line is read and kept in chunks of almost a megabyte: with G1's 1 MB regions (heaps up to 2 GB,
 * the launcher's 1 GB among them) each chunk is allocated outside the young generation and never copied by a
 * young pause, where 50,000 events as objects were copied by every pause they lived through. The chunks come from
 * the ingest's {@link Chunks} and go back once written: such large arrays, made anew for each batch, filled a
 * 256 MB heap with dead ones faster than the young pauses freed them (G1's evacuation failures, measured).
 */
final class PgRawRows implements RawRows {
    /** One G1 region with its array header, at 1 MB regions. */
    static final int CHUNK = (1 << 20) - 64;

    /** One ingest's spare chunks: the batch being filled and the one being written take them in turn. */
    static final class Chunks {
        /** Spares kept beyond this many are let go (two batches of the default size need about 14). */
        private static final int KEEP = 32;
        private final java.util.ArrayDeque<byte[]> spare = new java.util.ArrayDeque<>();

        synchronized byte[] take() {
            byte[] c = spare.pollFirst();
            return c != null ? c : new byte[CHUNK];
        }

        synchronized void give(List<byte[]> back) {
            for (byte[] c : back) {
                if (spare.size() < KEEP) {
                    spare.addFirst(c);
                }
            }
        }
    }

    private final UUID job;
    private final Chunks pool;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk;
    private int used;
    private final CopyBinary row;
    private boolean ended;

    PgRawRows(UUID job, Chunks pool) {
        this.job = job;
        this.pool = pool;
        try {
            this.row = new CopyBinary(this::keep); // writes the format's header
        } catch (SQLException e) {
            throw memoryCannotFail(e);
        }
    }

    @Override
    public void add(LogEvent e, long line) {
        try {
            row.row(9).timestamptz(e.ts()).text(e.gameId()).text(e.mode()).text(e.playerId()).text(e.type())
                    .float8(e.value());
            if (e.data() == null) {
                row.nul();
            } else {
                row.jsonb(e.data());
            }
            row.uuid(job).int8(line);
        } catch (SQLException x) {
            throw memoryCannotFail(x);
        }
    }

    /** Writes the rows (with the format's trailer) into the COPY, once; then gives the chunks back. */
    void copyTo(CopyIn in) throws SQLException {
        if (ended) {
            throw new IllegalStateException("a batch's raw rows are written once");
        }
        row.end();
        ended = true;
        try {
            for (int i = 0; i < chunks.size(); i++) {
                byte[] c = chunks.get(i);
                in.writeToCopy(c, 0, c == chunk ? used : c.length);
            }
        } finally {
            pool.give(chunks);
            chunks.clear();
            chunk = null;
        }
    }

    private void keep(byte[] b, int off, int len) {
        while (len > 0) {
            if (chunk == null || used == chunk.length) {
                chunk = pool.take();
                chunks.add(chunk);
                used = 0;
            }
            int n = Math.min(len, chunk.length - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** CopyBinary declares its sink's SQLException; this sink is memory, which throws none. */
    private static IllegalStateException memoryCannotFail(SQLException e) {
        return new IllegalStateException("encoding into memory cannot fail", e);
    }
}
