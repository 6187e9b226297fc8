package dev.arena.logs;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One ingest's reading state: the batch being filled, the checkpoint last committed, running totals, and progress
 * updates (at most one a second, by the injected clock, and at the end). Used by one thread.
 */
final class IngestRun implements NdjsonReader.Sink {
    /** Bad lines passed the share early: stop reading. */
    static final class TooManyBad extends Exception {
        TooManyBad() {
            super(null, null, false, false);
        }
    }

    /** The checkpoint moved under this ingest (another upload of the job): stop, commit nothing. */
    static final class Moved extends Exception {
        private final transient LogJob job;

        Moved(LogJob job) {
            super(null, null, false, false);
            this.job = job;
        }

        LogJob job() {
            return job;
        }
    }

    private final LogStore.Session session;
    private final UUID job;
    private final boolean raw;
    private final BadLineSamples samples;
    private final LogIngest.Settings settings;
    private final LogFeed feed;
    private final Clock clock;
    private final BooleanSupplier halted;
    private final Long totalBytes;
    private final long startOffset;
    private final long startEvents;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastProgress = Long.MIN_VALUE;
    private Batch batch;
    private long committedOffset;
    private long lines;
    private long events;
    private long bad;

    IngestRun(LogStore.Session session, LogJob job, boolean raw, long samplesKept, LogIngest.Settings settings,
              LogFeed feed, Clock clock, BooleanSupplier halted, Long totalBytes) {
        this.session = session;
        this.job = job.jobId();
        this.raw = raw;
        this.samples = new BadLineSamples(samplesKept);
        this.settings = settings;
        this.feed = feed;
        this.clock = clock;
        this.halted = halted;
        this.totalBytes = totalBytes;
        this.committedOffset = job.bytes();
        this.startOffset = job.bytes();
        this.startEvents = job.events();
        this.lines = job.lines();
        this.events = job.events();
        this.bad = job.badLines();
        this.batch = new Batch(raw, committedOffset, lines);
    }

    @Override
    public void line(long number, long endOffset, LogEvent event, String reason) throws Exception {
        if (event != null) {
            batch.event(number, event);
            events++;
        } else if (reason != null) {
            batch.bad();
            samples.add(number, reason);
            bad++;
        }
        batch.lineDone(number, endOffset);
        lines = number;
        if (batch.lines() >= settings.batchLines()) {
            flush();
        }
        if (settings.badShare().exceededEarly(bad, lines)) {
            throw new TooManyBad();
        }
    }

    void flush() throws Exception {
        if (halted.getAsBoolean()) {
            throw new IOException("halted");
        }
        if (batch.isEmpty()) {
            return;
        }
        batch.samples(samples.drain());
        long now = System.nanoTime();
        if (!session.commit(job, committedOffset, batch, (now - lastNanos) / 1e9, clock.instant())) {
            throw new Moved(session.end(job, LogJob.INTERRUPTED, null, 0, clock.instant()));
        }
        lastNanos = now;
        committedOffset = batch.endOffset();
        batch = new Batch(raw, committedOffset, lines);
        long ms = clock.millis();
        if (ms - lastProgress >= 1000) {
            lastProgress = ms;
            feed.publish(job, progress(LogJob.RUNNING));
        }
    }

    boolean tooManyBad() {
        return settings.badShare().exceeded(bad, lines);
    }

    long lines() {
        return lines;
    }

    LogJob end(String status, String error) throws Exception {
        long now = System.nanoTime();
        LogJob ended = session.end(job, status, error, (now - lastNanos) / 1e9, clock.instant());
        lastNanos = now;
        feed.publish(job, progress(status));
        return ended;
    }

    private JsonObject progress(String status) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double bytesPerSecond = (committedOffset - startOffset) / seconds;
        JsonObject p = new JsonObject().put("job_id", job.toString()).put("status", status)
                .put("bytes", committedOffset).put("lines", lines).put("events", events).put("bad_lines", bad)
                .put("bytes_per_second", Math.round(bytesPerSecond))
                .put("events_per_second", Math.round((events - startEvents) / seconds));
        if (totalBytes != null) {
            p.put("total_bytes", totalBytes);
            if (bytesPerSecond > 0) {
                p.put("eta_seconds", Math.max(0, Math.round((totalBytes - committedOffset) / bytesPerSecond)));
            }
        }
        return p;
    }
}
