package dev.arena.logs;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One ingest's reading state: the batch being filled, the checkpoint last committed, running totals, and progress
 * updates (at most one a second, by the injected clock, and at the end). Used by one reading thread, which hands
 * each full batch to a committing thread and goes on parsing the next one while it is written (at most one batch is
 * being written and one filling: when the database falls behind, the reader waits for it, stops reading, and
 * the upload is paused). The committing side ({@link CommitGroup}) appends batches in file order to one open
 * transaction and commits several at once, each commit from the checkpoint the previous one left, so the
 * compare-and-set checkpoint works as it does with one thread.
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

    /** A batch is also handed over once its lines span this many bytes (long lines must not make it huge). */
    static final long BATCH_BYTES = 8L << 20;

    private final LogStore.Session session;
    private final CommitGroup group;
    private final ExecutorService committer;
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
    /** When progress was last published (ms): none yet. Not Long.MIN_VALUE: {@code now - it} would overflow. */
    private long lastProgress = Long.MIN_VALUE / 2;
    private Batch batch;
    /** The batch being written, if any; it starts at the previous one's end. */
    private Future<CommitGroup.Committed> committing;
    /** Where the next batch starts: the end of the last batch handed over. */
    private long handedOffset;
    private long committedOffset;
    private long committedLines;
    private long committedEvents;
    private long committedBad;
    private long lines;
    private long events;
    private long bad;

    IngestRun(LogStore.Session session, ExecutorService committer, LogJob job, boolean raw, long samplesKept,
              LogIngest.Settings settings, CommitGroup.Limits limits, LogFeed feed, Clock clock,
              BooleanSupplier halted, Long totalBytes) {
        this.session = session;
        this.committer = committer;
        this.job = job.jobId();
        this.raw = raw;
        this.samples = new BadLineSamples(samplesKept);
        this.settings = settings;
        this.feed = feed;
        this.clock = clock;
        this.halted = halted;
        this.totalBytes = totalBytes;
        this.committedOffset = job.bytes();
        this.handedOffset = job.bytes();
        this.startOffset = job.bytes();
        this.startEvents = job.events();
        this.lines = job.lines();
        this.events = job.events();
        this.bad = job.badLines();
        this.committedLines = lines;
        this.committedEvents = events;
        this.committedBad = bad;
        this.batch = batchFrom(committedOffset);
        this.group = new CommitGroup(session, this.job, new CommitGroup.Committed(committedOffset, committedLines,
                committedEvents, committedBad), limits, clock, halted);
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
        if (batch.lines() >= settings.batchLines() || batch.bytes() >= BATCH_BYTES) {
            handOver();
        }
        if (settings.badShare().exceededEarly(bad, lines)) {
            throw new TooManyBad();
        }
    }

    /** Commits everything read so far and waits for it. */
    void flush() throws Exception {
        handOver();
        settle();
        committed(group.finish());
    }

    /** The timer's check while the reader may be waiting for bytes: a commit group open too long is committed. */
    void commitIfOld() {
        group.commitIfOld();
    }

    /** Waits for the commit under way (if any), then starts the current batch's commit on the committing thread. */
    private void handOver() throws Exception {
        if (halted.getAsBoolean()) {
            throw new IOException("halted");
        }
        if (batch.isEmpty()) {
            return;
        }
        settle();
        Batch b = batch;
        b.samples(samples.drain());
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        committing = committer.submit(() -> group.add(b, seconds));
        handedOffset = b.endOffset();
        batch = batchFrom(handedOffset);
    }

    /** The next batch, from the file offset after the lines read so far. */
    private Batch batchFrom(long offset) {
        return new Batch(raw ? session.rawRows(job) : null, offset, lines);
    }

    /** Waits for the commit under way; its failure (a lost checkpoint, the database) becomes the reader's. */
    private void settle() throws Exception {
        if (committing == null) {
            return;
        }
        Future<CommitGroup.Committed> f = committing;
        committing = null;
        committed(unwrapped(f));
    }

    /** The task's result; its failure thrown as the exception the task threw, not wrapped. */
    static <T> T unwrapped(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** What the last commit holds (a commit group's checkpoint): the figures progress shows. */
    private void committed(CommitGroup.Committed c) {
        committedOffset = c.offset();
        committedLines = c.lines();
        committedEvents = c.events();
        committedBad = c.bad();
        long ms = clock.millis();
        if (ms - lastProgress >= 1000) {
            lastProgress = ms;
            feed.publish(job, progress(LogJob.RUNNING));
        }
    }

    /** On a way out that commits nothing more: lets a commit under way finish (or fail) before the session closes. */
    void abandon() {
        try {
            settle();
        } catch (Exception ignored) {
            // the ingest is ending on another failure already
        }
        group.close(); // an open group is rolled back when the session closes
    }

    boolean tooManyBad() {
        return settings.badShare().exceeded(bad, lines);
    }

    long lines() {
        return lines;
    }

    /** Commits made so far (one per commit group). */
    int commits() {
        return group.commits();
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
                .put("bytes", committedOffset).put("lines", committedLines).put("events", committedEvents)
                .put("bad_lines", committedBad).put("bytes_per_second", Math.round(bytesPerSecond))
                .put("events_per_second", Math.round((committedEvents - startEvents) / seconds));
        if (totalBytes != null) {
            p.put("total_bytes", totalBytes);
            if (bytesPerSecond > 0) {
                p.put("eta_seconds", Math.max(0, Math.round((totalBytes - committedOffset) / bytesPerSecond)));
            }
        }
        return p;
    }
}
