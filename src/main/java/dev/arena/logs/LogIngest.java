package dev.arena.logs;

import dev.arena.common.ArenaException;
import dev.arena.common.Niceness;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingests: each on a thread of its own pool (parse and JDBC block; event loops never wait for them), at most
 * {@code maxJobs} at once. An ingest claims its job (idempotency key, resume offset), reads the stream a line at a
 * time, and hands over a batch every {@code batchLines} lines (or {@link IngestRun#BATCH_BYTES}) to a committing
 * thread of its own while the reading thread parses the next batch. Batches are written into one open transaction
 * and committed in groups ({@link CommitGroup}: raw events, rollups folded across the group, bad-line samples and
 * the checkpoint in one commit, at least every {@code commitInterval}). A commit only applies if the checkpoint is
 * still where this ingest last left it, so no line is ever counted twice, whatever breaks.
 */
public final class LogIngest implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogIngest.class);

    /** Where an ingest's bytes come from, opened only once its job is claimed. */
    public interface Source {
        /** The stream from the job's committed offset on (uncompressed by the caller when it says gzip). */
        InputStream open(long offset) throws IOException;

        /** Nothing will be read (refused, already finished): let the bytes go. */
        void discard();

        /** Breaks a running read (the node stops): the reader sees an IOException. */
        void abort(String why);
    }

    /**
     * The knobs; {@code commitInterval}: the longest a commit group stays open (CommitGroup.Limits); {@code nice}:
     * how many nice values the ingest's threads run below the event loops ({@link Niceness}; 0 = at theirs).
     */
    public record Settings(BadShare badShare, int batchLines, int maxJobs, Duration commitInterval, int nice) {
        public Settings(BadShare badShare, int batchLines, int maxJobs, Duration commitInterval) {
            this(badShare, batchLines, maxJobs, commitInterval, 0);
        }
    }

    /**
     * Heap one ingest may need at most, besides its batches' raw rows: its share of the commit group's rollup rows
     * and the strings they hold, the batch being folded, its JDBC connection. Measured with ids that hardly repeat
     * (200,000 players, every event a random game) at {@code -Xmx256m}: two ingests at once peaked at 213 MB, four
     * ran out of memory (docs/LOGS.md, "Bounded memory").
     */
    static final long HEAP_PER_INGEST = 72L << 20;
    /** The raw rows of one batch line, twice: the batch being filled and the one being written (binary COPY). */
    static final long HEAP_PER_BATCH_LINE = 320;
    /** What the rest of the node keeps on the heap, by the same measurement. */
    static final long HEAP_OF_THE_NODE = 64L << 20;

    /**
     * How many ingests may run at once: {@code configured}, or fewer when the heap cannot hold that many (at least
     * one). Ingests beyond it are refused with 503 like any over {@code ARENA_LOG_JOBS}, where running them ran the
     * node out of memory.
     */
    public static int jobsTheHeapHolds(int configured, int batchLines, long maxHeapBytes) {
        long each = HEAP_PER_INGEST + HEAP_PER_BATCH_LINE * batchLines;
        long fit = (maxHeapBytes - HEAP_OF_THE_NODE) / each;
        return (int) Math.max(1, Math.min(configured, fit));
    }

    /** How often a running ingest's open commit group is checked for age while no batch comes (a stalled upload). */
    private static final long WATCH_MS = 100;

    private final LogStore store;
    private final LogFeed feed;
    private final Clock clock;
    private final Settings settings;
    private final ExecutorService threads;
    private final ExecutorService commits;
    /** Server-side imports: their own threads, so that they can run at the ingests' priority too. */
    private final ExecutorService imports;
    /** Commits a commit group left open past its interval while its reader waits for bytes. */
    private final ScheduledExecutorService watch;
    private final Semaphore slots;
    private final Set<Source> running = ConcurrentHashMap.newKeySet();
    private volatile boolean halted;

    public LogIngest(LogStore store, LogFeed feed, Clock clock, Settings settings) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.settings = settings;
        // parsing and committing are the bulk of an ingest's CPU: below the event loops' priority (Niceness)
        this.threads = Executors.newFixedThreadPool(settings.maxJobs(),
                Niceness.threads("arena-log-ingest", settings.nice()));
        // one task at a time per running ingest (imports included), so at most as many threads as ingests
        this.commits = Executors.newCachedThreadPool(Niceness.threads("arena-log-commit", settings.nice()));
        this.imports = Executors.newCachedThreadPool(Niceness.threads("arena-log-import", settings.nice()));
        this.watch = Executors.newSingleThreadScheduledExecutor(Niceness.threads("arena-log-commit-watch", 0));
        this.slots = new Semaphore(settings.maxJobs());
    }

    /** Starts an ingest; the future completes when it ends. Refused at once (503) when all slots are busy. */
    public Future<IngestOutcome> ingest(IngestRequest request, Source source) {
        if (halted || !slots.tryAcquire()) {
            source.discard();
            return Future.failedFuture(new ArenaException.Unavailable(
                    "too many log ingests running on this node; retry shortly"));
        }
        Promise<IngestOutcome> promise = Promise.promise();
        try {
            threads.execute(() -> {
                try {
                    promise.complete(run(request, source));
                } catch (Throwable e) {
                    promise.tryFail(e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) { // the pool is shut down
            slots.release();
            source.discard();
            return Future.failedFuture(new ArenaException.Unavailable("the node is stopping"));
        }
        return promise.future();
    }

    /**
     * Runs an ingest for the server-side import job, which waits for it: on a thread of the imports' own pool, at
     * the ingests' priority (the job's thread is the scheduler's, whose priority must stay as it is).
     */
    public IngestOutcome ingestBlocking(IngestRequest request, Source source) throws Exception {
        if (halted) {
            throw new IllegalStateException("stopped");
        }
        // an import takes a slot like an upload (it waits for one: it is a durable job, not a client to refuse), so
        // uploads and imports together stay within what the heap holds
        slots.acquire();
        try {
            java.util.concurrent.Future<IngestOutcome> running = imports.submit(() -> run(request, source));
            try {
                return IngestRun.unwrapped(running);
            } catch (InterruptedException e) {
                running.cancel(true);
                throw e;
            }
        } finally {
            slots.release();
        }
    }

    private IngestOutcome run(IngestRequest r, Source source) throws Exception {
        try (LogStore.Session session = store.open()) {
            LogStore.Begin begin = session.begin(new LogStore.BeginRequest(r.jobId(), r.key(), r.offset(), r.raw(),
                    r.by(), r.source(), r.totalBytes(), clock.instant()));
            switch (begin) {
                case null -> {
                    source.discard();
                    throw new ArenaException.NotFound("no log job " + r.jobId()
                            + (r.key() == null ? "" : " with that Idempotency-Key"));
                }
                case LogStore.Begin.Finished f -> {
                    source.discard();
                    return new IngestOutcome.Completed(f.job(), true);
                }
                case LogStore.Begin.Refused f -> {
                    source.discard();
                    return new IngestOutcome.Refused(f.job(), f.why());
                }
                case LogStore.Begin.Started s -> {
                    running.add(source);
                    try {
                        return read(session, s, r, source);
                    } finally {
                        running.remove(source);
                    }
                }
            }
        }
    }

    private IngestOutcome read(LogStore.Session session, LogStore.Begin.Started started, IngestRequest r,
                               Source source) throws Exception {
        LogJob job = started.job();
        IngestRun run = new IngestRun(session, commits, job, r.raw(), started.samplesKept(), settings,
                CommitGroup.Limits.of(settings.commitInterval(), running::size), feed, clock, () -> halted, r.totalBytes());
        ScheduledFuture<?> watching = watch.scheduleWithFixedDelay(run::commitIfOld, WATCH_MS, WATCH_MS,
                TimeUnit.MILLISECONDS);
        try {
            return read(run, job, r, source);
        } finally {
            watching.cancel(false);
            run.abandon(); // never close the session under a commit still running
        }
    }

    private IngestOutcome read(IngestRun run, LogJob job, IngestRequest r, Source source) throws Exception {
        String status;
        String error = null;
        try (InputStream raw = source.open(job.bytes());
             InputStream in = r.gzip() ? new GZIPInputStream(raw, 64 * 1024) : raw) {
            new NdjsonReader().read(in, job.bytes(), job.lines(), run);
            run.flush();
            status = run.tooManyBad() ? LogJob.FAILED : LogJob.DONE;
            if (run.tooManyBad()) {
                error = "more than " + settings.badShare().share() * 100 + "% of the lines are bad";
            }
        } catch (IngestRun.TooManyBad e) {
            run.flush();
            status = LogJob.FAILED;
            error = "more than " + settings.badShare().share() * 100 + "% of the first " + run.lines()
                    + " lines are bad";
            source.discard();
        } catch (java.util.zip.ZipException e) {
            run.flush();
            status = LogJob.FAILED;
            error = "not valid gzip: " + e.getMessage();
            source.discard();
        } catch (IOException e) {
            if (halted) {
                throw e; // a killed node commits nothing more
            }
            run.flush(); // the complete lines read before the break are counted; the cut one is not
            LogJob now = run.end(LogJob.INTERRUPTED, e.getMessage());
            return new IngestOutcome.Interrupted(now, e.getMessage());
        } catch (IngestRun.Moved e) {
            return new IngestOutcome.Refused(e.job(), "another upload moved the job's checkpoint");
        }
        LogJob done = run.end(status, error);
        log.info("log job {} {}: {} lines, {} events, {} bad, {} bytes in {} s, {} commits", done.jobId(),
                done.status(), done.lines(), done.events(), done.badLines(), done.bytes(),
                String.format("%.1f", done.seconds()), run.commits());
        return new IngestOutcome.Completed(done, false);
    }

    /** Graceful: running uploads stop reading, commit what they have and end as interrupted (resumable). */
    @Override
    public void close() {
        running.forEach(s -> s.abort("the node is stopping"));
        threads.shutdown();
        imports.shutdown();
        await();
        commits.shutdown();
        watch.shutdown();
    }

    /**
     * What a killed process leaves behind (tests): no further commit from any running ingest; their connections
     * close, so their job locks are released as a dead process's would be.
     */
    public void halt() {
        halted = true;
        running.forEach(s -> s.abort("halted"));
        threads.shutdownNow();
        imports.shutdownNow();
        await();
        commits.shutdownNow();
        watch.shutdownNow();
    }

    private void await() {
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS) || !imports.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("log ingests still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
