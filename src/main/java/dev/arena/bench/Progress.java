package dev.arena.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The once-a-second progress line, printed by the main thread while the event loops do the work. */
final class Progress {
    private final PrintStream out;
    private final long startNanos;

    Progress(PrintStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    /**
     * Blocks until {@code untilNanos} or until {@code stop} holds (checked every 20 ms), printing
     * {@code line} every full second since the start. A null stream only waits.
     */
    void runUntil(long untilNanos, BooleanSupplier stop, Supplier<String> line) {
        long next = startNanos + ((System.nanoTime() - startNanos) / 1_000_000_000L + 1) * 1_000_000_000L;
        while (true) {
            long now = System.nanoTime();
            if (now - untilNanos >= 0 || stop.getAsBoolean()) {
                return;
            }
            if (now - next >= 0) {
                if (out != null) {
                    out.println(line.get());
                }
                next += 1_000_000_000L;
                continue;
            }
            long sleep = Math.min(Math.min(next, untilNanos) - now, 20_000_000L);
            try {
                Thread.sleep(Math.max(1, sleep / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Like {@link #runUntil} without a deadline. */
    void runUntilDone(BooleanSupplier done, Supplier<String> line) {
        runUntil(System.nanoTime() + 365L * 24 * 3600 * 1_000_000_000L, done, line);
    }

    /** {@code [  12s measure]}: elapsed time since the start and the phase. */
    String prefix(String phase) {
        return String.format(Locale.ROOT, "[%5.0fs %-7s]", (System.nanoTime() - startNanos) / 1e9, phase);
    }

    static String phase(Window w, long now) {
        if (now - w.startNanos() < 0) {
            return "warmup";
        }
        return now - w.endNanos() < 0 ? "measure" : "drain";
    }
}
