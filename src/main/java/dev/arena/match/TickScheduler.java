package dev.arena.match;

/**
 * Time and execution for one match: a clock, and a way to run code on the match's owner (one Vert.x context
 * in production, {@link VertxTickScheduler}; the test thread in tests, which move the clock by hand).
 */
public interface TickScheduler {

    /** A monotonic clock in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} on the owner, now if already there, else soon. */
    void execute(Runnable task);

    /** Called on the owner: runs {@code task} on the owner after {@code delayNanos} (at least once-off). */
    Cancellable schedule(long delayNanos, Runnable task);

    /**
     * Where a match starting now counts its ticks from: now, or a moment later (under one grid step) so that matches
     * of one owner share their tick instants and run in one batch ({@link VertxTickScheduler}).
     */
    default long tickBase() {
        return nanoTime();
    }

    /** Whether the calling thread is the owner (state may be touched). */
    boolean inOwner();

    interface Cancellable {
        void cancel();
    }
}
