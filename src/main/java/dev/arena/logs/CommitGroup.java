package dev.arena.logs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The committing side of one ingest: one transaction kept open across several batches (a commit group). Each
 * batch's raw events are appended to it as the batch comes (streamed by COPY, never held here) and its rollup rows
 * are folded into the group's own in memory; when the group ends, its rollups are merged once, the checkpoint
 * (the last batch's end) is written, and it all commits. Rollup rows repeat across batches (the same player, type
 * and hour), so PostgreSQL merges each once per group instead of once per batch. A crash or a cut connection loses
 * only the open group: the checkpoint still says where it started, and the resume reads it again.
 *
 * <p>A group ends at whichever comes first of {@link Limits}: so many batches, so many distinct rollup rows
 * (memory, shared by the ingests running at once), its age by the injected clock (the committed offset must not
 * stall; checked when a batch comes and by {@link #commitIfOld()} while none comes), a batch that needs a new
 * day's partition, or the end of the input.
 *
 * <p>Used by the ingest's committing thread and its timer, one at a time (every method holds the monitor).
 */
final class CommitGroup {

    /**
     * When a group ends.
     *
     * @param batches  at most so many batches per group
     * @param rows     a group ends once its folded rollup rows reach this many, divided among the ingests
     *                 running at once
     * @param sharers  how many ingests run on the node now
     * @param interval a group older than this ends at the next batch, or at the next timer check while none comes
     */
    record Limits(int batches, int rows, Duration interval, IntSupplier sharers) {
        /*
         * Measured on the 101 MB benchmark file (800,000 events, 50,000-line batches; docs/BENCHMARKS.md, "commit
         * groups"): the interval ends groups first at these rates; 16 batches (800,000 lines) bound the raw rows one
         * transaction holds, and 250,000 rows bound memory when ids hardly repeat. The rows are the node's, shared
         * by the ingests running at once: two ingests of ids that hardly repeat, each with 250,000 rows, filled a
         * 256 MB heap (docs/LOGS.md, "Bounded memory").
         */
        static final int BATCHES = 16;
        static final int ROWS = 250_000;

        /** One ingest alone. */
        Limits(int batches, int rows, Duration interval) {
            this(batches, rows, interval, () -> 1);
        }

        /** {@code running}: how many ingests run on the node now, this one included. */
        static Limits of(Duration interval, IntSupplier running) {
            return new Limits(BATCHES, ROWS, interval, running);
        }

        /** This ingest's share of the rows, as of now. */
        int rowShare() {
            return rows / Math.max(1, sharers.getAsInt());
        }
    }

    /** What is committed so far, from the job's start (cumulative, so one batch that ends two groups is one read). */
    record Committed(long offset, long lines, long events, long bad) {}

    private final LogStore.Session session;
    private final UUID job;
    private final Limits limits;
    private final Clock clock;
    private final BooleanSupplier halted;
    private Committed committed;
    /** The open group's folded rollups, counts and end; null while no group is open. */
    private Batch group;
    private int batches;
    private long openedAt;
    private double seconds;
    /** A commit made by the timer failed: the reader sees it at its next hand-over. */
    private Exception failure;
    private boolean closed;
    /** Groups committed by this ingest (the log says it: batches per commit is the figure that tunes the limits). */
    private int commits;

    CommitGroup(LogStore.Session session, UUID job, Committed start, Limits limits, Clock clock,
                BooleanSupplier halted) {
        this.session = session;
        this.job = job;
        this.committed = start;
        this.limits = limits;
        this.clock = clock;
        this.halted = halted;
    }

    /** Appends a batch (ending the open group first when it must); ends the group when a limit is reached. */
    synchronized Committed add(Batch b, double batchSeconds) throws Exception {
        try {
            return append(b, batchSeconds);
        } catch (Exception e) {
            failure = e; // the store rolled the group back: nothing more may commit on top of it
            throw e;
        }
    }

    private Committed append(Batch b, double batchSeconds) throws Exception {
        check();
        if (group != null && !session.append(job, b)) {
            commit(); // a new day's partition: made outside any open transaction
        }
        if (group == null) {
            if (!session.append(job, b)) {
                throw new IllegalStateException("the store refused a batch with no transaction open");
            }
            b.dropEvents(); // their rows are in the transaction: the first batch's rollups become the group's
            group = b;
            batches = 0;
            seconds = 0;
            openedAt = clock.millis();
        } else {
            group.absorb(b);
        }
        batches++;
        seconds += batchSeconds;
        if (batches >= limits.batches() || group.rollupRows() >= limits.rowShare() || old()) {
            commit();
        }
        return committed;
    }

    /** Commits the open group (the end of the input, or a break after which the lines read are kept). */
    synchronized Committed finish() throws Exception {
        check();
        if (group != null) {
            try {
                commit();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        }
        return committed;
    }

    /** The timer's check: a group left open longer than the interval (the upload stalls) is committed. */
    synchronized void commitIfOld() {
        if (closed || failure != null || group == null || !old()) {
            return;
        }
        try {
            check();
            commit();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** No more commits: the open group (if any) is left to the session's close, which rolls it back. */
    synchronized void close() {
        closed = true;
    }

    synchronized Committed committed() {
        return committed;
    }

    private boolean old() {
        return clock.millis() - openedAt >= limits.interval().toMillis();
    }

    private void check() throws Exception {
        if (failure != null) {
            throw failure;
        }
        if (closed || halted.getAsBoolean()) {
            throw new IOException("halted"); // a killed node commits nothing more
        }
    }

    private void commit() throws Exception {
        Batch g = group;
        group = null;
        if (!session.commit(job, committed.offset(), g, seconds, clock.instant())) {
            throw new IngestRun.Moved(session.end(job, LogJob.INTERRUPTED, null, 0, clock.instant()));
        }
        committed = new Committed(g.endOffset(), g.endLine(), committed.events() + g.eventCount(),
                committed.bad() + g.badLines());
        commits++;
    }

    synchronized int commits() {
        return commits;
    }
}
