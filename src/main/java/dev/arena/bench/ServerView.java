package dev.arena.bench;

import java.util.Locale;

/**
 * The server's {@code GET /metrics} as the {@code matches} run reads it, from the main thread: an explicit scrape
 * at each edge of the window, and one every few seconds for the progress line (the server's own recent tick
 * p99, and its CPU use when no {@code --server-pid} is given). Scrapes cost the server a little, hence not every
 * second.
 */
final class ServerView {
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final LoadGenerator gen;
    private long lastProgressScrape;
    private String recentTickP99 = "-";
    private String error = "no scrape yet";
    private boolean inWindow;
    private double cpuSum;
    private int cpuCount;

    ServerView(LoadGenerator gen) {
        this.gen = gen;
    }

    /** A scrape at a window edge: the first starts the CPU averaging, the second ends it. Null on failure. */
    ServerSample scrape() {
        ServerSample s = fetch();
        inWindow = !inWindow;
        return s;
    }

    /** The server's recent tick p99 for the progress line, refreshed every 5 s. */
    String recentTickP99() {
        long now = System.nanoTime();
        if (lastProgressScrape == 0 || now - lastProgressScrape >= PROGRESS_EVERY_NANOS) {
            lastProgressScrape = now;
            fetch();
        }
        return recentTickP99;
    }

    /** Mean of {@code process_cpu_usage × system_cpu_count} over the scrapes inside the window, in cores. */
    double meanCpuCores() {
        return cpuCount == 0 ? Double.NaN : cpuSum / cpuCount;
    }

    String error() {
        return error;
    }

    private ServerSample fetch() {
        try {
            ServerSample s = ServerSample.scrape(gen, 15);
            double p99 = s.get("arena_match_tick_recent_seconds{quantile=\"0.99\"}");
            recentTickP99 = Double.isNaN(p99) ? "-" : String.format(Locale.ROOT, "%.2f ms", p99 * 1000);
            double cpu = s.get("process_cpu_usage") * s.get("system_cpu_count");
            if (inWindow && !Double.isNaN(cpu)) {
                cpuSum += cpu;
                cpuCount++;
            }
            return s;
        } catch (Exception e) {
            error = Errors.reason(e);
            return null;
        }
    }
}
