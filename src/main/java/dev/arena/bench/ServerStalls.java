package dev.arena.bench;

import io.vertx.core.json.JsonObject;

/**
 * The server's stalls in the measured window, from a scrape of its {@code GET /metrics} at each edge: how many of
 * its event loops' 10 ms checks ran more than 25 and 100 ms late ({@code arena_event_loop_delay_seconds}), and its
 * collector's pauses ({@code jvm_gc_pause_seconds}, every collector and cause summed). Real-time targets allow no
 * stall over 25 ms in a run (docs/BENCHMARKS.md); a client's latency shows a stall only mixed with its own.
 */
final class ServerStalls {
    static final String LOOP = "arena_event_loop_delay_seconds";
    static final String GC = "jvm_gc_pause_seconds";
    static final double STALL = 0.025;
    static final double LONG_STALL = 0.100;

    private final Thread thread;
    private volatile ServerSample atWindow;
    private volatile ServerSample atEnd;
    private volatile String error;

    private ServerStalls(LoadGenerator gen, Window window) {
        thread = ServerReadings.atEdges("bench-server-stalls", window, () -> atWindow = scrape(gen),
                () -> atEnd = scrape(gen));
    }

    /** A scrape, or null with {@link #error} set. */
    private ServerSample scrape(LoadGenerator gen) {
        try {
            return ServerSample.scrape(gen, 15);
        } catch (Exception e) {
            error = "GET /metrics failed: " + e.getMessage();
            return null;
        }
    }

    /** Starts scraping at the window's edges. */
    static ServerStalls watch(LoadGenerator gen, Window window) {
        return new ServerStalls(gen, window);
    }

    /** The {@code stalls} object of the report (waits up to 20 s for the last scrape). */
    JsonObject report() {
        try {
            thread.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServerSample before = atWindow;
        ServerSample after = atEnd;
        if (before == null || after == null) {
            return new JsonObject().put("error", error == null ? "no scrape at the window's edges" : error);
        }
        return between(before, after);
    }

    /** What two scrapes say of the stalls between them. */
    static JsonObject between(ServerSample before, ServerSample after) {
        JsonObject out = new JsonObject();
        if (Double.isNaN(after.total(LOOP + "_count"))) {
            out.put("error", "the server exports no " + LOOP + " (an older server?)");
        } else {
            out.put("event_loop_checks", (long) delta(before, after, LOOP + "_count"));
            putCount(out, "event_loop_delays_over_25ms", over(before, after, LOOP, STALL));
            putCount(out, "event_loop_delays_over_100ms", over(before, after, LOOP, LONG_STALL));
            out.put("event_loop_delay_max_recent_ms", ReportPrinter.round(after.total(LOOP + "_max") * 1000));
        }
        if (!Double.isNaN(after.total(GC + "_count"))) {
            double pauses = delta(before, after, GC + "_count");
            out.put("gc_pauses", (long) pauses)
                    .put("gc_pause_ms", ReportPrinter.round(delta(before, after, GC + "_sum") * 1000));
            putCount(out, "gc_pauses_over_25ms", over(before, after, GC, STALL));
        }
        return out;
    }

    /** A count, left out when the server exports no bucket at the bound asked for (NaN): unknown is not zero. */
    private static void putCount(JsonObject out, String key, double value) {
        if (!Double.isNaN(value)) {
            out.put(key, Math.round(value));
        }
    }

    /** The observations of histogram {@code name} over {@code bound} seconds between the scrapes (NaN: no bucket). */
    private static double over(ServerSample before, ServerSample after, String name, double bound) {
        return delta(before, after, name + "_count")
                - (after.bucketTotal(name, bound) - zeroIfNaN(before.bucketTotal(name, bound)));
    }

    /** A total's growth; a series the first scrape lacks (a collector that had not paused yet) counts from 0. */
    private static double delta(ServerSample before, ServerSample after, String series) {
        return after.total(series) - zeroIfNaN(before.total(series));
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
