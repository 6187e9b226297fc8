package dev.arena.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the final report, built by a scenario as an ordered JSON object, as aligned text (and, with
 * {@code --json}, once more as one line of JSON, so scripts can take the last line).
 */
final class ReportPrinter {
    private ReportPrinter() {}

    static void print(JsonObject report, boolean json, PrintStream out) {
        out.println();
        text(report, "", out);
        if (json) {
            out.println(report.encode());
        }
    }

    static void text(JsonObject obj, String indent, PrintStream out) {
        int width = 0;
        for (String k : obj.fieldNames()) {
            width = Math.max(width, k.length());
        }
        for (Map.Entry<String, Object> e : obj) {
            Object v = e.getValue();
            if (v instanceof JsonObject nested && nested.isEmpty()) {
                out.printf("%s%-" + width + "s  none%n", indent, e.getKey());
            } else if (v instanceof JsonObject nested) {
                out.println(indent + e.getKey() + ":");
                text(nested, indent + "  ", out);
            } else {
                out.printf("%s%-" + width + "s  %s%n", indent, e.getKey(), format(v));
            }
        }
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : "%.2f", d);
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        if (v instanceof JsonArray a) {
            return a.isEmpty() ? "none" : String.join("; ", a.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    /** Two decimals, for JSON numbers that should not carry float noise. */
    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    static JsonObject latency(LatencyStats.LatencySummary s) {
        return new JsonObject().put("count", s.count()).put("p50_ms", round(s.p50Ms())).put("p90_ms", round(s.p90Ms()))
                .put("p99_ms", round(s.p99Ms())).put("p999_ms", round(s.p999Ms())).put("max_ms", round(s.maxMs()))
                .put("mean_ms", round(s.meanMs()));
    }

    static JsonObject counts(Map<String, Long> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::put);
        return o;
    }

    /** The error block every socket scenario reports: error frames by code, socket errors, unexpected closes. */
    static JsonObject errors(Counters serverErrors, Counters socketErrors, Counters closes) {
        return new JsonObject()
                .put("server_errors_by_code", counts(serverErrors.snapshot()))
                .put("socket_errors", counts(socketErrors.snapshot()))
                .put("closes_by_code", counts(closes.snapshot()));
    }

    static JsonObject verdict(Verdict v) {
        return new JsonObject().put("passed", v.passed()).put("failures", new JsonArray(v.failures()));
    }
}
