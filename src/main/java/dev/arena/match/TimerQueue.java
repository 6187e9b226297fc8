package dev.arena.match;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick timers of every match on one owner, in due order, so that one real timer serves them all
 * ({@link VertxTickScheduler}). A Vert.x timer per match and tick cost a scheduled task, a handler and a trip through
 * the context for each of 10,000 ticks a second at 500 matches; here a wake runs every match due by then, back to
 * back. Cancelling only marks an entry: it is dropped when it comes up, at most one tick period later. Owner-only,
 * not thread-safe.
 */
final class TimerQueue {
    private static final Logger log = LoggerFactory.getLogger(TimerQueue.class);
    private static final Comparator<Entry> ORDER = Comparator.comparingLong((Entry e) -> e.at)
            .thenComparingLong(e -> e.seq);

    static final class Entry implements TickScheduler.Cancellable {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        private Entry(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>(ORDER);
    /** Entries due at the same instant run in the order they were added. */
    private long seq;

    /** Adds a task due at {@code at} (nanoseconds of the owner's clock). */
    Entry add(long at, Runnable task) {
        Entry e = new Entry(at, seq++, task);
        entries.add(e);
        return e;
    }

    /**
     * Runs every live entry due by now, earliest first. The clock is read again before each entry, so an entry that
     * falls due while the batch runs (one a task added, a catch-up) runs in it too. A task that throws is logged and
     * the others still run.
     *
     * @return the entries run
     */
    int runDue(LongSupplier clock) {
        int ran = 0;
        Entry e;
        while ((e = entries.peek()) != null && (e.cancelled || e.at - clock.getAsLong() <= 0)) {
            entries.poll();
            if (e.cancelled) {
                continue;
            }
            ran++;
            try {
                e.task.run();
            } catch (RuntimeException failure) {
                log.error("a match timer failed", failure);
            }
        }
        return ran;
    }

    /** When the earliest live entry is due, or {@link Long#MAX_VALUE} when none waits. */
    long nextAt() {
        Entry e;
        while ((e = entries.peek()) != null && e.cancelled) {
            entries.poll();
        }
        return e == null ? Long.MAX_VALUE : e.at;
    }

    /** Entries waiting, cancelled ones not yet dropped included. */
    int size() {
        return entries.size();
    }
}
