package dev.arena.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters from one {@code GET /metrics} scrape (Prometheus text; the bench's one reader of it), and what two scrapes say
 * about the time between them: ticks, tick-duration percentiles from the histogram buckets' differences, inputs
 * by result, skipped ticks. Percentiles from buckets are interpolated inside the bucket that holds them, so
 * they are as fine as the buckets (about 10-30 % apart), and exact about the window, unlike the server's own
 * sliding-window percentiles.
 *
 * @param series every sample line: series name with labels as written by the server, and value
 */
record ServerSample(Map<String, Double> series) {
    static final String TICK = "arena_match_tick_duration_seconds";

    /** Scrapes the server's {@code GET /metrics}: blocking (off the event loops), at most {@code seconds}. */
    static ServerSample scrape(LoadGenerator gen, int seconds) throws Exception {
        return parse(gen.http(0).request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/metrics")
                        .setIdleTimeout(seconds * 1000L))
                .compose(r -> r.send()).compose(r -> r.body()).map(Object::toString)
                .await(seconds, TimeUnit.SECONDS));
    }

    static ServerSample parse(String prometheus) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : prometheus.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                m.put(line.substring(0, space).strip(), Double.parseDouble(line.substring(space + 1).strip()));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return new ServerSample(m);
    }

    /** The value of a series, or NaN when the server does not export it. */
    double get(String series) {
        return this.series.getOrDefault(series, Double.NaN);
    }

    /**
     * The sum of {@code name} over all its labels ({@code name} alone or {@code name{...}}), NaN when the server
     * exports no such series; for a {@code _max}, the largest.
     */
    double total(String name) {
        double sum = Double.NaN;
        boolean max = name.endsWith("_max");
        for (Map.Entry<String, Double> e : series.entrySet()) {
            String k = e.getKey();
            if (k.equals(name) || (k.startsWith(name) && k.charAt(name.length()) == '{')) {
                double v = e.getValue();
                sum = Double.isNaN(sum) ? v : max ? Math.max(sum, v) : sum + v;
            }
        }
        return sum;
    }

    /** The cumulative count at bucket bound {@code le} (seconds) of histogram {@code name}, summed over its labels. */
    double bucketTotal(String histogram, double le) {
        double sum = Double.NaN;
        String prefix = histogram + "_bucket{";
        for (Map.Entry<String, Double> e : series.entrySet()) {
            String k = e.getKey();
            int at = k.indexOf("le=\"");
            if (k.startsWith(prefix) && at > 0) {
                String bound = k.substring(at + 4, k.indexOf('"', at + 4));
                if (!bound.equals("+Inf") && Double.parseDouble(bound) == le) {
                    sum = (Double.isNaN(sum) ? 0 : sum) + e.getValue();
                }
            }
        }
        return sum;
    }

    boolean hasMatchMeters() {
        return series.containsKey(TICK + "_count");
    }

    /** Cumulative bucket counts of a histogram by upper bound (seconds); {@code +Inf} as infinity. */
    TreeMap<Double, Double> buckets(String histogram) {
        TreeMap<Double, Double> out = new TreeMap<>();
        String prefix = histogram + "_bucket{le=\"";
        series.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String le = k.substring(prefix.length(), k.indexOf('"', prefix.length()));
                out.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), v);
            }
        });
        return out;
    }

    /**
     * The {@code q} quantile (0..1), in seconds, of the values recorded between {@code before} and {@code after}:
     * the bucket that holds it, interpolated linearly inside; NaN when nothing was recorded. A quantile in the
     * {@code +Inf} bucket gives the largest finite bound.
     */
    static double quantile(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
        double total = delta(before, after, Double.POSITIVE_INFINITY);
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> b : after.entrySet()) {
            double le = b.getKey();
            double upTo = delta(before, after, le);
            if (upTo >= rank) {
                if (Double.isInfinite(le)) {
                    return lower;
                }
                double inBucket = upTo - below;
                return inBucket <= 0 ? le : lower + (le - lower) * (rank - below) / inBucket;
            }
            lower = le;
            below = upTo;
        }
        return lower;
    }

    private static double delta(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double le) {
        return after.getOrDefault(le, 0.0) - before.getOrDefault(le, 0.0);
    }

    /** {@code after - before} of one series; NaN when either lacks it. */
    static double delta(ServerSample before, ServerSample after, String series) {
        return after.get(series) - before.get(series);
    }

    /**
     * The CPU time (user + system) of a process in clock ticks, from one line of {@code /proc/<pid>/stat}:
     * fields 14 and 15, counted after the command name, which is in parentheses and may hold spaces.
     */
    static long cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line");
        }
        String[] f = statLine.substring(close + 2).trim().split(" +");
        // f[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
