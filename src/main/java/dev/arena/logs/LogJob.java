package dev.arena.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An ingest job as the API shows it. {@code bytes} is the committed offset: the file's bytes (uncompressed) whose
 * lines are counted, where a resume continues; {@code seconds} the time spent ingesting, over all its uploads.
 * {@code badLineSamples} is filled only where the job is shown on its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogJob(UUID jobId, String status, long lines, long events, long badLines, long bytes, double seconds,
                     Long totalBytes, boolean raw, String source, String idempotencyKey, String error,
                     Instant createdAt, Instant finishedAt, List<BadLineSamples.Sample> badLineSamples) {

    public static final String RUNNING = "running";
    public static final String INTERRUPTED = "interrupted";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return status.equals(DONE) || status.equals(FAILED);
    }

    public LogJob withSamples(List<BadLineSamples.Sample> samples) {
        return new LogJob(jobId, status, lines, events, badLines, bytes, seconds, totalBytes, raw, source,
                idempotencyKey, error, createdAt, finishedAt, samples);
    }
}
