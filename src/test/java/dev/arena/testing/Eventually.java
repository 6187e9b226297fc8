package dev.arena.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for something another thread does (a background job, a message from another node): polls every 20 ms
 * and fails with the last observed value after the timeout. For asynchronous arrival only; game and protocol time
 * is driven by the clock instead.
 */
public final class Eventually {
    private Eventually() {}

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout,
                              String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what
                + "; last seen: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        return until(probe, done, Duration.ofSeconds(20), what);
    }
}
