package dev.arena.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
            parse(scrape(gen, 15)).forEach((k, v) -> out.put(k + "_mib", ReportPrinter.round(v / (1024 * 1024))));
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

    /** The server's {@code GET /metrics} text; blocking (off the event loops), at most {@code seconds}. */
    static String scrape(LoadGenerator gen, int seconds) throws Exception {
        return gen.http(0).request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/metrics")
                        .setIdleTimeout(seconds * 1000L))
                .compose(r -> r.send()).compose(r -> r.body()).map(Object::toString)
                .await(seconds, TimeUnit.SECONDS);
    }

    /**
     * Memory figures in bytes from Prometheus text: {@code process_resident}, {@code jvm_heap_used},
     * {@code jvm_nonheap_used}, {@code jvm_committed}, each present only when the series are.
     */
    static Map<String, Double> parse(String prometheus) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : prometheus.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            String series = line.substring(0, space);
            if (series.equals("process_resident_memory_bytes")) {
                m.put("process_resident", value);
            } else if (series.startsWith("jvm_memory_used_bytes{")) {
                m.merge(series.contains("area=\"heap\"") ? "jvm_heap_used" : "jvm_nonheap_used", value, Double::sum);
            } else if (series.startsWith("jvm_memory_committed_bytes{")) {
                m.merge("jvm_committed", value, Double::sum);
            }
        }
        return m;
    }
}
