package dev.arena.logs;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.time.Instant;

/**
 * Streams events out as NDJSON in the ingest format, from a database cursor, as fast as {@code out} takes them
 * (the cursor is paused while {@code out}'s queue is full). Ingested events, or Arena's own finished matches.
 */
public interface LogExport {

    /** What to export: [from, to), optionally one mode or one game; {@code arena}: Arena's own matches. */
    record Query(Instant from, Instant to, String mode, String gameId, boolean arena) {}

    /** Completes when the last line is written (not flushed; the caller ends {@code out}). */
    Future<Long> export(Query query, WriteStream<Buffer> out, boolean gzip);
}
