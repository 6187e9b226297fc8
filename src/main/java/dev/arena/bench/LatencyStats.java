package dev.arena.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency in microseconds, recorded from any thread (HdrHistogram {@link Recorder}s are wait-free for
 * writers). Values belonging to the measured window go to one recorder, the rest (warm-up, drain of warm-up
 * messages) to another; the progress line shows both, the final report only the measured ones.
 * The reader side ({@link #interval()}, {@link #total()}) is synchronised: one reader at a time.
 */
final class LatencyStats {
    private static final int DIGITS = 3;

    private final Recorder measured = new Recorder(DIGITS);
    private final Recorder unmeasured = new Recorder(DIGITS);
    private final Histogram total = new Histogram(DIGITS);
    /** Everything outside the measured window (warm-up, and the drain of warm-up messages): reported apart. */
    private final Histogram warmupTotal = new Histogram(DIGITS);
    private Histogram measuredInterval;
    private Histogram unmeasuredInterval;

    /** Records one latency; negative values (which a monotonic clock never gives) are recorded as 0. */
    void record(long micros, boolean inWindow) {
        (inWindow ? measured : unmeasured).recordValue(Math.max(0, micros));
    }

    /** Everything recorded since the previous call (measured or not): what the progress line shows. */
    synchronized LatencySummary interval() {
        drain();
        Histogram both = new Histogram(DIGITS);
        both.add(measuredInterval);
        both.add(unmeasuredInterval);
        return LatencySummary.of(both);
    }

    /** Every measured value recorded so far. */
    synchronized LatencySummary total() {
        drain();
        return LatencySummary.of(total);
    }

    private void drain() {
        measuredInterval = measured.getIntervalHistogram(measuredInterval);
        unmeasuredInterval = unmeasured.getIntervalHistogram(unmeasuredInterval);
        total.add(measuredInterval);
        warmupTotal.add(unmeasuredInterval);
    }

    /** Every value recorded outside the window so far (the warm-up), reported separately from the window's. */
    synchronized LatencySummary warmup() {
        drain();
        return LatencySummary.of(warmupTotal);
    }

    /** Percentiles in milliseconds of a microsecond histogram; all zero when it is empty. */
    record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                          double meanMs) {
        static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

        static LatencySummary of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return EMPTY;
            }
            return new LatencySummary(micros.getTotalCount(),
                    ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                    ms(micros.getMaxValue()), micros.getMean() / 1000.0);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }
}
