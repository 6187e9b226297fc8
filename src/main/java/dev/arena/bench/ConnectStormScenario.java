package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Opens N authenticated gateway sockets as fast as the in-flight bound allows, then optionally holds them
 * idle (Vert.x answers the server's pings) so the server's memory per connection can be read.
 */
@Command(name = "connect-storm", mixinStandardHelpOptions = true,
        description = "Open N authenticated sockets as fast as possible; report connects/s, time to all "
                + "connected and failures; with --hold keep them idle and report the server's memory.")
final class ConnectStormScenario implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--clients", defaultValue = "1000", description = "sockets to open (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--connect-concurrency", defaultValue = "200",
            description = "connects in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--hold", defaultValue = "0s", converter = DurationConverter.class,
            description = "keep the sockets open and idle this long before closing (default: ${DEFAULT-VALUE})")
    Duration hold;

    @Option(names = "--server-pid", description = "a local server process whose resident memory to read from /proc")
    Integer serverPid;

    @Option(names = "--steps", defaultValue = "1",
            description = "open the sockets in this many equal steps and read the server's memory after each, "
                    + "to report the memory per idle socket (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--settle", defaultValue = "5s", converter = DurationConverter.class,
            description = "with --steps: wait this long after each step before reading (default: ${DEFAULT-VALUE})")
    Duration settle;

    private final SocketStats stats = new SocketStats();

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        if (clients < 1 || clients > 500_000) {
            problems.add("--clients must be between 1 and 500000");
        }
        if (concurrency < 1 || concurrency > 10_000) {
            problems.add("--connect-concurrency must be between 1 and 10000");
        }
        if (steps < 1 || steps > 100 || steps > clients) {
            problems.add("--steps must be between 1 and 100, and at most --clients");
        }
        if (settle.compareTo(Duration.ofMinutes(10)) > 0) {
            problems.add("--settle must be at most 10m");
        }
        if (hold.compareTo(Duration.ofHours(24)) > 0) {
            problems.add("--hold must be at most 24h");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);
        var out = s.quiet() ? null : System.err;

        int addresses = Math.max(1, s.sourceAddresses().size());
        try (LoadGenerator gen = LoadGenerator.start(s, s.authConcurrency(),
                clients / addresses + 1)) {
            var created = GuestAccounts.create(gen, s.runId(), clients, s.authConcurrency(), out);
            Account[] accounts = created.accounts();
            if (created.created() == 0) {
                System.err.println("bench: no guest account could be created: " + created.failures());
                return 1;
            }
            BenchSocket[] sockets = new BenchSocket[clients];
            long start = System.nanoTime();
            AtomicLong lastConnected = new AtomicLong(start);
            Progress progress = new Progress(out, start);
            MemorySlope slope = new MemorySlope();
            long paused = 0; // settling before the last step's connects: not connect time
            long lastPause = 0;
            for (int step = 0; step < steps; step++) {
                int from = (int) ((long) clients * step / steps);
                int to = (int) ((long) clients * (step + 1) / steps);
                Future<Void> all = gen.bounded(to - from, concurrency, k -> {
                    int i = from + k;
                    if (accounts[i] == null) {
                        stats.connectFailures.add("no account");
                        return Future.succeededFuture();
                    }
                    BenchSocket sock = new BenchSocket(i, stats);
                    sockets[i] = sock;
                    return gen.onLane(gen.lane(i), () -> sock.connect(gen.ws(i), s.target(), accounts[i].token())
                            .onSuccess(v -> lastConnected.accumulateAndGet(System.nanoTime(), Math::max)));
                });
                long[] last = {stats.connected.sum()};
                progress.runUntilDone(all::isComplete, () -> {
                    long c = stats.connected.sum();
                    long rate = c - last[0];
                    last[0] = c;
                    return String.format(Locale.ROOT, "%s connected %,d/%,d (%,d/s)  failed %,d  p99 %.1f ms",
                            progress.prefix("connect"), c, clients, rate, stats.connectFailures.total(),
                            stats.connectLatency.interval().p99Ms());
                });
                if (steps > 1) {
                    long t0 = System.nanoTime();
                    sleep(settle);
                    slope.add(stats.open.get(), ServerMemory.sample(gen, serverPid));
                    lastPause = System.nanoTime() - t0;
                    paused += lastPause;
                }
            }
            double toAll = (lastConnected.get() - start - (paused - lastPause)) / 1e9;
            long connected = stats.connected.sum();
            if (out != null) {
                out.printf("connected %,d of %,d in %.2f s%n", connected, clients, toAll);
            }
            long holdStart = System.nanoTime();
            Progress holding = new Progress(out, holdStart);
            holding.runUntil(holdStart + hold.toNanos(), () -> false, () -> String.format(Locale.ROOT,
                    "%s open %,d  unexpected closes %s  socket errors %,d", holding.prefix("hold"), stats.open.get(),
                    stats.closes.snapshot(), stats.socketErrors.total()));
            int openAtEnd = stats.open.get();
            JsonObject memory = ServerMemory.sample(gen, serverPid);
            gen.closeSockets(sockets);

            Verdict verdict = new Verdict(s.maxErrorPct())
                    .require(connected > 0, "no socket connected")
                    .check("sockets that failed to connect", clients - connected, clients)
                    .check("unexpected closes", stats.closes.total(), clients);
            JsonObject report = new JsonObject()
                    .put("scenario", "connect-storm")
                    .put("url", s.target().url())
                    .put("clients", clients)
                    .put("connect_concurrency", concurrency)
                    .put("source_addresses", addresses)
                    .put("account_failures", created.failed())
                    .put("connected", connected)
                    .put("failed", ReportPrinter.counts(stats.connectFailures.snapshot()))
                    .put("time_to_all_connected_s", ReportPrinter.round(toAll))
                    .put("connects_per_s", ReportPrinter.round(toAll > 0 ? connected / toAll : 0))
                    .put("welcomes", stats.welcomes.sum())
                    .put("connect_latency_ms", ReportPrinter.latency(stats.connectLatency.total()))
                    .put("hold_s", hold.toMillis() / 1000.0)
                    .put("open_after_hold", openAtEnd)
                    .put("closes_by_code", ReportPrinter.counts(stats.closes.snapshot()))
                    .put("socket_errors", ReportPrinter.counts(stats.socketErrors.snapshot()))
                    .put("server_memory", memory)
                    .put("memory_by_sockets", steps > 1 ? slope.report() : null)
                    .put("verdict", ReportPrinter.verdict(verdict));
            ReportPrinter.print(report, s.json(), System.out);
            return verdict.passed() ? 0 : 1;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
