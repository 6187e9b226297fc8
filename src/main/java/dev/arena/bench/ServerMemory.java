package dev.arena.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's memory as far as the bench can see it: from {@code GET /metrics} (Prometheus text: resident
 * memory when the server exports it, JVM heap and non-heap in use), and, when {@code --server-pid} names a
 * local process, its resident set from {@code /proc/<pid>/status}.
 */
final class ServerMemory {
    private ServerMemory() {}

    static JsonObject sample(LoadGenerator gen, Integer pid) {
        JsonObject out = new JsonObject();
        try {
            memory(ServerSample.scrape(gen, 15)).forEach((k, v) -> out.put(k + "_mib", ReportPrinter.round(v / (1024 * 1024))));
        } catch (Exception e) {
            out.put("metrics_error", Errors.reason(e));
        }
        if (pid != null) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                    if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        out.put(line.startsWith("VmRSS:") ? "proc_rss_mib" : "proc_peak_rss_mib",
                                ReportPrinter.round(kib / 1024.0));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                out.put("proc_error", "cannot read /proc/" + pid + "/status: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Memory figures in bytes from Prometheus text: {@code process_resident}, {@code jvm_heap_used},
     * {@code jvm_nonheap_used}, {@code jvm_committed}, each present only when the series are.
     */
    static Map<String, Double> parse(String prometheus) {
        return memory(ServerSample.parse(prometheus));
    }

    /** As {@link #parse}, from a scrape already read. */
    static Map<String, Double> memory(ServerSample sample) {
        Map<String, Double> m = new LinkedHashMap<>();
        sample.series().forEach((series, value) -> {
            if (series.equals("process_resident_memory_bytes")) {
                m.put("process_resident", value);
            } else if (series.startsWith("jvm_memory_used_bytes{")) {
                m.merge(series.contains("area=\"heap\"") ? "jvm_heap_used" : "jvm_nonheap_used", value, Double::sum);
            } else if (series.startsWith("jvm_memory_committed_bytes{")) {
                m.merge("jvm_committed", value, Double::sum);
            }
        });
        return m;
    }
}
