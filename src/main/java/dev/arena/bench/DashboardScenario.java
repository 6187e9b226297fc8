package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the live dashboard's stream costs the server (issue 11: under 1 % of a core with 20 dashboards at 1 Hz).
 * The server's CPU (with its embedded database, from {@code /proc}) is read over an idle window with no viewer, then
 * over a window of the same length with {@code --viewers} streams of {@code GET /dashboard/stream} open; the cost is
 * the difference. An idle window first, rather than a figure from another run, keeps the server's own timers, its
 * metric sampling and any neighbour's noise in both readings alike.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Server CPU of the dashboard stream: an idle window, then one with --viewers streams open.")
final class DashboardScenario implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--viewers", defaultValue = "20", description = "dashboard streams held open (default: ${DEFAULT-VALUE})")
    int viewers;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "length of the idle window and of the measured window each (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "streams open before the measured window starts (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--server-pid", required = true, description = "the local server process (its CPU is read from /proc)")
    int serverPid;

    @Option(names = "--max-cost-pct", defaultValue = "1.0",
            description = "fail when the streams cost more than this percentage of one core (default: ${DEFAULT-VALUE})")
    double maxCostPct;

    private final LongAdder events = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final List<HttpClientRequest> open = new CopyOnWriteArrayList<>();

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        if (viewers < 1 || viewers > 10_000) {
            problems.add("--viewers must be between 1 and 10000");
        }
        if (duration.toSeconds() < 2 || duration.compareTo(Duration.ofHours(1)) > 0) {
            problems.add("--duration must be between 2s and 1h");
        }
        if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(10)) > 0) {
            problems.add("--warmup must be between 0s and 10m");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);
        ServerProcesses server = new ServerProcesses(serverPid, List.of());
        ServerProcesses.Sample first = server.sample();
        if (first.cpuTicks() < 0 || !first.pids().contains(serverPid)) {
            System.err.println("bench: cannot read /proc/" + serverPid + ": is --server-pid a local process?");
            return 1;
        }
        try (LoadGenerator gen = LoadGenerator.start(s, viewers, 1)) {
            var created = GuestAccounts.create(gen, s.runId(), 1, 1, s.quiet() ? null : System.err);
            Account viewer = created.accounts().length == 0 ? null : created.accounts()[0];
            if (viewer == null) {
                System.err.println("bench: no guest account could be created: " + created.failures());
                return 1;
            }
            say(s, "idle window: " + duration.toSeconds() + " s with no stream open");
            ServerProcesses.Sample idleStart = server.sample();
            parkFor(duration);
            ServerProcesses.Sample idleEnd = server.sample();

            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                int v = i;
                opened.add(gen.onLane(gen.lane(v), () -> openStream(gen, v, viewer.token())));
            }
            List<Integer> statuses = Future.all(opened).await().list();
            long refused = statuses.stream().filter(st -> st != 200).count();
            say(s, "streams open: " + (viewers - refused) + " of " + viewers + "; warm-up " + warmup.toSeconds() + " s");
            parkFor(warmup);
            long eventsBefore = events.sum();
            long bytesBefore = bytes.sum();
            ServerProcesses.Sample busyStart = server.sample();
            parkFor(duration);
            ServerProcesses.Sample busyEnd = server.sample();
            long windowEvents = events.sum() - eventsBefore;
            long windowBytes = bytes.sum() - bytesBefore;
            open.forEach(r -> r.reset());

            double idleCores = ServerProcesses.Sample.cores(idleStart, idleEnd);
            double busyCores = ServerProcesses.Sample.cores(busyStart, busyEnd);
            double costPct = (busyCores - idleCores) * 100;
            double seconds = (busyEnd.nanos() - busyStart.nanos()) / 1e9;
            long expected = Math.round((viewers - refused) * seconds);
            JsonObject report = new JsonObject()
                    .put("scenario", "dashboard")
                    .put("url", s.target().url() + "/dashboard/stream")
                    .put("viewers", viewers)
                    .put("refused", refused)
                    .put("window_s", ReportPrinter.round(seconds))
                    .put("events", new JsonObject().put("received", windowEvents).put("expected_about", expected)
                            .put("bytes", windowBytes))
                    .put("server", new JsonObject()
                            .put("processes", busyEnd.pids().size())
                            .put("idle_core_pct", ReportPrinter.round(idleCores * 100))
                            .put("with_viewers_core_pct", ReportPrinter.round(busyCores * 100))
                            .put("stream_cost_core_pct", ReportPrinter.round(costPct))
                            .put("cpu_us_per_event", windowEvents > 0 ? ReportPrinter.round(
                                    (ServerProcesses.Sample.cpuMicros(busyStart, busyEnd)
                                            - idleCores * seconds * 1e6) / windowEvents) : null)
                            .put("rss_mib", ReportPrinter.round(busyEnd.rssKib() / 1024.0)));
            Verdict verdict = new Verdict(s.maxErrorPct())
                    .check("streams refused", refused, viewers)
                    .require(windowEvents >= expected * 0.9, String.format(Locale.ROOT,
                            "%d events received, expected about %d (one per second per stream)", windowEvents, expected))
                    .require(costPct <= maxCostPct, String.format(Locale.ROOT,
                            "the streams cost %.2f %% of a core, above --max-cost-pct %.2f", costPct, maxCostPct));
            report.put("verdict", ReportPrinter.verdict(verdict));
            ReportPrinter.print(report, s.json(), System.out);
            return verdict.passed() ? 0 : 1;
        }
    }

    /** Opens one stream; completes with its status, and counts its events for as long as it stays open. */
    private Future<Integer> openStream(LoadGenerator gen, int v, String token) {
        RequestOptions req = new RequestOptions().setMethod(HttpMethod.GET).setURI("/dashboard/stream")
                .putHeader("accept", "text/event-stream").putHeader("authorization", "Bearer " + token);
        return gen.http(v).request(req).compose(r -> {
            open.add(r);
            return r.send();
        }).map(resp -> {
            if (resp.statusCode() == 200) {
                // a blank line ends each Server-Sent Event; it may straddle two buffers
                byte[] prev = {0};
                resp.handler(buf -> {
                    bytes.add(buf.length());
                    for (int i = 0; i < buf.length(); i++) {
                        byte b = buf.getByte(i);
                        if (b == '\n' && prev[0] == '\n') {
                            events.increment();
                        }
                        if (b != '\r') {
                            prev[0] = b;
                        }
                    }
                });
            }
            return resp.statusCode();
        }).otherwise(-1);
    }

    private static void parkFor(Duration d) {
        ServerReadings.parkUntil(System.nanoTime() + d.toNanos());
    }

    private static void say(CommonOptions.Settings s, String line) {
        if (!s.quiet()) {
            System.err.println("bench: " + line);
        }
    }
}
