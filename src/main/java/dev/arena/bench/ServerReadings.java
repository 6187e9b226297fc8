package dev.arena.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Three readings of the server's processes ({@link ServerProcesses}), taken on a thread of their own so that
 * scanning {@code /proc} never delays the bench's event loops: when sending starts (the warm-up begins), when the
 * measured window starts, and when it ends. From them: server CPU per delivered message in the warm-up and in the
 * window, separately, the CPU in cores, and resident memory at the window's end.
 */
final class ServerReadings {
    private volatile ServerProcesses.Sample atStart;
    private volatile ServerProcesses.Sample atWindow;
    private volatile ServerProcesses.Sample atEnd;
    private final Thread thread;

    private ServerReadings(ServerProcesses server, Window window) {
        atStart = server.sample();
        thread = atEdges("bench-server-readings", window, () -> atWindow = server.sample(),
                () -> atEnd = server.sample());
    }

    /**
     * Runs {@code atWindow} when the measured window starts and {@code atEnd} when it ends, on a daemon thread of
     * their own: a reading that blocks ({@code /proc}, a scrape) never delays the bench's event loops.
     */
    static Thread atEdges(String name, Window window, Runnable atWindow, Runnable atEnd) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            parkUntil(window.startNanos());
            atWindow.run();
            parkUntil(window.endNanos());
            atEnd.run();
        });
    }

    static ServerReadings start(ServerProcesses server, Window window) {
        return new ServerReadings(server, window);
    }

    /** Parks the calling thread until {@code System.nanoTime()} reaches {@code nanos}. */
    static void parkUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** The {@code server} object of the report; readings not taken (a run cut short) are left out. */
    JsonObject report(long windowDeliveries, long warmupDeliveries, String pin, List<String> pinFailures) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JsonObject out = new JsonObject().put("pinned", pin == null ? "no" : pin);
        if (!pinFailures.isEmpty()) {
            out.put("pin_failures", new JsonArray(pinFailures));
        }
        ServerProcesses.Sample s = atStart;
        ServerProcesses.Sample w = atWindow;
        ServerProcesses.Sample e = atEnd;
        if (s == null || s.cpuTicks() < 0) {
            return out.put("error", "cannot read /proc");
        }
        out.put("processes", s.pids().size());
        if (w != null && warmupDeliveries > 0) {
            out.put("warmup_cpu_us_per_delivery",
                    ReportPrinter.round(ServerProcesses.Sample.cpuMicros(s, w) / warmupDeliveries));
        }
        if (w != null && e != null) {
            double micros = ServerProcesses.Sample.cpuMicros(w, e);
            out.put("cpu_us_per_delivery", windowDeliveries > 0 ? ReportPrinter.round(micros / windowDeliveries) : null)
                    .put("cpu_cores", ReportPrinter.round(ServerProcesses.Sample.cores(w, e)))
                    .put("rss_mib", ReportPrinter.round(e.rssKib() / 1024.0));
        }
        return out;
    }
}
