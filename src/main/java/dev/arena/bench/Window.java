package dev.arena.bench;

/** The measured interval {@code [startNanos, endNanos)} on the {@link System#nanoTime()} clock. */
record Window(long startNanos, long endNanos) {
    Window {
        if (endNanos - startNanos < 0) { // nanoTime may wrap: compare differences
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    static Window after(long nowNanos, java.time.Duration warmup, java.time.Duration duration) {
        long start = nowNanos + warmup.toNanos();
        return new Window(start, start + duration.toNanos());
    }

    boolean contains(long nanos) {
        return nanos - startNanos >= 0 && nanos - endNanos < 0;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
