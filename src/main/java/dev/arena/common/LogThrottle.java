package dev.arena.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most one log line per interval for a flood of like events (an overloaded database answers thousands of requests
 * a second with "unavailable": one line a second says as much as all of them, and keeps the log readable and its
 * disk from filling). The lines held back are counted and reported with the next one let through. Thread-safe.
 */
public final class LogThrottle {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextAt;
    private final AtomicLong held = new AtomicLong();

    public LogThrottle(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** With the time source a test drives. */
    public LogThrottle(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.nextAt = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * Whether to log this event: {@code -1} when it is held back, else the number of events held back since the last
     * one let through (0 for none).
     */
    public long admit() {
        long now = nanoTime.getAsLong();
        long next = nextAt.get();
        if (now - next < 0 || !nextAt.compareAndSet(next, now + intervalNanos)) {
            held.incrementAndGet();
            return -1;
        }
        return held.getAndSet(0);
    }

    /** " (and N more like it)" for a count from {@link #admit()}, or nothing. */
    public static String andMore(long held) {
        return held > 0 ? " (and " + held + " more like it)" : "";
    }
}
