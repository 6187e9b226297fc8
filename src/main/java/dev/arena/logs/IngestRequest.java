package dev.arena.logs;

import java.util.UUID;

/**
 * One upload (or import) of a log file, or of its rest. {@code jobId} and {@code key} may be null; {@code offset}
 * is where in the (uncompressed) file the stream starts and must equal the job's committed offset.
 * {@code totalBytes}, when known, is the whole file's size (for the ETA).
 */
public record IngestRequest(UUID jobId, String key, long offset, boolean raw, boolean gzip, Long totalBytes,
                            UUID by, String source) {}
