package dev.arena.match;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A scheduler whose clock tests move by hand: timers run on the test thread when the clock passes them, so a
 * match's ticks are driven without sleeping. {@link #stall} moves the clock without running timers, as when
 * the owner's event loop was blocked.
 */
public final class ManualTickScheduler implements TickScheduler {
    private static final class Task {
        final long due;
        final long seq;
        final Runnable run;
        boolean cancelled;

        Task(long due, long seq, Runnable run) {
            this.due = due;
            this.seq = seq;
            this.run = run;
        }
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.seq));
    private final Thread owner = Thread.currentThread();
    private long now = 1_000_000_000L;
    private long seq;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        Task t = new Task(now + delayNanos, seq++, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public boolean inOwner() {
        return Thread.currentThread() == owner;
    }

    /** Moves the clock forward, running each timer at its due time (timers set meanwhile included). */
    public void advance(Duration d) {
        long target = now + d.toNanos();
        while (!tasks.isEmpty() && tasks.peek().due <= target) {
            Task t = tasks.poll();
            now = Math.max(now, t.due);
            if (!t.cancelled) {
                t.run.run();
            }
        }
        now = target;
    }

    /** Moves the clock without running anything: the owner was busy elsewhere. */
    public void stall(Duration d) {
        now += d.toNanos();
    }

    /** Runs the timers that are due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Timers waiting (not cancelled). */
    public long pending() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}
