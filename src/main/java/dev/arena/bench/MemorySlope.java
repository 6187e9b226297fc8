package dev.arena.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's resident memory read at several socket counts ({@code connect-storm --steps}), and what one more idle
 * socket costs: the least-squares slope of RSS over open sockets, so a single noisy reading moves it little. The
 * first reading is taken after the first step, never at zero sockets: start-up and first-use costs (class loading,
 * pools, the JIT) would otherwise count as per-socket memory.
 */
final class MemorySlope {
    /** One reading: open sockets and the server's memory then ({@link ServerMemory#sample}). */
    record Reading(long sockets, JsonObject memory) {
        Double rssMib() {
            return memory.getDouble("proc_rss_mib");
        }
    }

    private final List<Reading> readings = new ArrayList<>();

    void add(long sockets, JsonObject memory) {
        readings.add(new Reading(sockets, memory));
    }

    /** KiB per socket, or null with fewer than two readings with an RSS at distinct socket counts. */
    Double kibPerSocket() {
        List<Reading> usable = readings.stream().filter(r -> r.rssMib() != null).toList();
        double n = usable.size();
        if (n < 2) {
            return null;
        }
        double mx = usable.stream().mapToDouble(Reading::sockets).sum() / n;
        double my = usable.stream().mapToDouble(r -> r.rssMib() * 1024).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Reading r : usable) {
            sxy += (r.sockets() - mx) * (r.rssMib() * 1024 - my);
            sxx += (r.sockets() - mx) * (r.sockets() - mx);
        }
        return sxx == 0 ? null : sxy / sxx;
    }

    /** The report: every reading, the slope, and the RSS it extrapolates to at 100,000 sockets. */
    JsonObject report() {
        JsonArray steps = new JsonArray();
        readings.forEach(r -> steps.add(new JsonObject().put("sockets", r.sockets()).mergeIn(r.memory())));
        JsonObject out = new JsonObject().put("steps", steps);
        Double slope = kibPerSocket();
        if (slope != null) {
            Reading last = readings.getLast();
            out.put("rss_kib_per_socket", ReportPrinter.round(slope));
            out.put("rss_mib_at_100k_extrapolated",
                    ReportPrinter.round(last.rssMib() + slope * (100_000 - last.sockets()) / 1024));
        }
        return out;
    }
}
