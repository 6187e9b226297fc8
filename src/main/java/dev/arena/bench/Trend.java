package dev.arena.bench;

import java.util.List;
import java.util.Locale;

/**
 * Whether a series of soak samples rises: the least-squares slope of value over time, stated as growth per hour
 * relative to the series' mean. A regression over every sample, rather than "last minus first", so one sample
 * taken in the middle of a burst does not decide the verdict; relative, so one threshold serves megabytes and
 * thread counts alike.
 *
 * @param samples           points the slope was fitted to
 * @param mean              their mean value
 * @param slopePerHour      fitted change per hour, in the series' unit
 * @param growthPctPerHour  {@code slopePerHour / mean}, in percent (0 when the mean is 0)
 */
record Trend(int samples, double mean, double slopePerHour, double growthPctPerHour) {
    /** Fewer points than this say nothing about a trend: the series is reported but not judged. */
    static final int MIN_SAMPLES = 4;

    /** One reading of a series: seconds since the start of the run, and the value. */
    record Point(double seconds, double value) {}

    static Trend of(List<Point> points) {
        int n = points.size();
        if (n == 0) {
            return new Trend(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mt = 0;
        double mv = 0;
        for (Point p : points) {
            mt += p.seconds();
            mv += p.value();
        }
        mt /= n;
        mv /= n;
        double cov = 0;
        double var = 0;
        for (Point p : points) {
            cov += (p.seconds() - mt) * (p.value() - mv);
            var += (p.seconds() - mt) * (p.seconds() - mt);
        }
        double slopePerHour = var == 0 ? 0 : cov / var * 3600;
        double pct = mv == 0 ? 0 : slopePerHour / Math.abs(mv) * 100;
        return new Trend(n, mv, slopePerHour, pct);
    }

    boolean judged() {
        return samples >= MIN_SAMPLES;
    }

    /** True when judged and rising faster than {@code maxPctPerHour}. */
    boolean rising(double maxPctPerHour) {
        return judged() && growthPctPerHour > maxPctPerHour;
    }

    String describe(String series) {
        return String.format(Locale.ROOT, "%s rises %.1f%% per hour (%.2f per hour over %d samples, mean %.2f)",
                series, growthPctPerHour, slopePerHour, samples, mean);
    }
}
