package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code matches} scenario from start to report: guests; per match, P sockets, a private game created by
 * the first player and joined by the others with its code, readied by all (a lobby game starts when everyone
 * is), and {@code match.join} for all; inputs on schedule
 * through the warm-up and the window; the server's meters scraped at the window's edges; leave, close, report.
 */
final class MatchRun {
    /** Linux's USER_HZ: the unit of the CPU times in {@code /proc/<pid>/stat}. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;
    private static final int HIT_POINTS = 10_000;

    /** The run's shape and limits (validated by {@link MatchesScenario}). */
    record Plan(int matches, int players, double inputRate, int arenaSize, int setupConcurrency, Duration drain,
                Integer serverPid, Duration maxTickP99, Duration maxInputP99) {
        int clients() {
            return matches * players;
        }

        /** Long enough that no match ends by its clock during the run (the settings' maximum is 30 minutes). */
        int timeLimitSeconds(Duration warmup, Duration window) {
            long s = warmup.plus(window).plus(drain).toSeconds() + 300;
            return (int) Math.max(10, Math.min(1_800, s));
        }
    }

    /** The server's and the bench's CPU time at one instant (NaN or -1 when unknown). */
    private record Cpu(long serverTicks, long benchTicks, long nanos) {}

    private final CommonOptions.Settings settings;
    private final RunOptions run;
    private final Plan plan;
    private final PrintStream progressOut;
    private final MatchRunStats stats = new MatchRunStats();

    MatchRun(CommonOptions.Settings settings, RunOptions run, Plan plan) {
        this.settings = settings;
        this.run = run;
        this.plan = plan;
        this.progressOut = settings.quiet() ? null : System.err;
    }

    int execute() {
        int addresses = Math.max(1, settings.sourceAddresses().size());
        try (LoadGenerator gen = LoadGenerator.start(settings, settings.authConcurrency(),
                plan.clients() / addresses + 1)) {
            var created = GuestAccounts.create(gen, settings.runId(), plan.clients(), settings.authConcurrency(),
                    progressOut);
            Account[] accounts = created.accounts();
            if (created.created() == 0) {
                System.err.println("bench: no guest account could be created: " + created.failures());
                return 1;
            }
            MatchClient[] clients = new MatchClient[plan.clients()];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new MatchClient(i, accounts[i] == null ? "" : accounts[i].playerId(), stats,
                        settings.runId().hashCode() * 31L + i);
            }
            long setupStart = System.nanoTime();
            int timeLimit = plan.timeLimitSeconds(run.warmup, run.duration);
            Future<Void> all = gen.bounded(plan.matches(), plan.setupConcurrency(),
                    m -> setUp(gen, m, accounts, clients, timeLimit));
            Progress setup = new Progress(progressOut, setupStart);
            setup.runUntilDone(all::isComplete, () -> String.format(Locale.ROOT,
                    "%s games %,d/%,d  connected %,d  attached %,d/%,d  failed %,d", setup.prefix("setup"),
                    stats.gamesCreated.sum(), plan.matches(), stats.connected.sum(), stats.attached.sum(),
                    plan.clients(), stats.setupFailures.total()));
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            if (progressOut != null) {
                progressOut.printf("%,d games, %,d of %,d players attached in %.1f s%n", stats.gamesCreated.sum(),
                        stats.attached.sum(), plan.clients(), setupSeconds);
            }

            List<List<MatchClient>> lanes = new ArrayList<>();
            for (int l = 0; l < gen.laneCount(); l++) {
                lanes.add(new ArrayList<>());
            }
            for (MatchClient c : clients) {
                lanes.get(gen.lane(c.index)).add(c);
            }
            long t0 = System.nanoTime();
            Window window = Window.after(t0, run.warmup, run.duration);
            stats.window = window;
            AtomicInteger lanesDone = new AtomicInteger();
            LongAdder skippedLate = new LongAdder();
            gen.onEveryLane(l -> new LaneSender<>(lanes.get(l), MatchClient::isOpen, c -> c.send(window),
                    lanes.get(l).size() * plan.inputRate(), t0, window).start(gen.vertx(), (late, closed) -> {
                        skippedLate.add(late);
                        lanesDone.incrementAndGet();
                    }));

            Progress progress = new Progress(progressOut, t0);
            ServerView server = new ServerView(gen);
            long[] last = {0, 0};
            java.util.function.Supplier<String> line = () -> {
                long sent = stats.sentTotal.sum();
                long frames = stats.frames.sum();
                String l = String.format(Locale.ROOT,
                        "%s inputs %,d (%,d/s)  frames %,d/s  input-to-state p99 %.1f ms  server tick p99 %s  "
                                + "refused %,d  unmatched %,d  closes %,d",
                        progress.prefix(Progress.phase(window, System.nanoTime())), sent, sent - last[0],
                        frames - last[1], stats.latency.interval().p99Ms(), server.recentTickP99(),
                        stats.serverErrors.total(), stats.unmatched.sum(), stats.closes.total());
                last[0] = sent;
                last[1] = frames;
                return l;
            };
            progress.runUntil(window.startNanos(), () -> false, line);
            ServerSample before = server.scrape();
            Cpu cpuBefore = cpu();
            progress.runUntil(window.endNanos(), () -> false, line);
            ServerSample after = server.scrape();
            Cpu cpuAfter = cpu();
            progress.runUntil(window.endNanos() + plan.drain().toNanos(), () -> false, line);
            stats.frozen = true;
            LatencyStats.LatencySummary latency = stats.latency.total();
            closeAll(gen, clients);

            JsonObject serverReport = serverReport(before, after, window, cpuBefore, cpuAfter, server);
            Verdict verdict = verdict(latency, serverReport);
            JsonObject report = report(latency, serverReport, window, setupSeconds, created.failed(),
                    skippedLate.sum(), cpuBefore, cpuAfter);
            report.put("verdict", ReportPrinter.verdict(verdict));
            ReportPrinter.print(report, settings.json(), System.out);
            return verdict.passed() ? 0 : 1;
        }
    }

    /** One match: sockets, create, joins, attach. Never fails: each failure is counted where it happens. */
    private Future<?> setUp(LoadGenerator gen, int m, Account[] accounts, MatchClient[] clients, int timeLimit) {
        int first = m * plan.players();
        List<Future<Void>> connects = new ArrayList<>();
        for (int i = first; i < first + plan.players(); i++) {
            if (accounts[i] == null) {
                stats.setupFailures.add("no account");
                return Future.succeededFuture();
            }
            int k = i;
            connects.add(gen.onLane(gen.lane(k), () -> clients[k].connect(gen.ws(k), settings.target(),
                    accounts[k].token())));
        }
        JsonObject create = new JsonObject().put("mode", "arena_battle").put("max_players", plan.players())
                .put("private", true).put("settings", new JsonObject().put("arena_size", plan.arenaSize())
                        .put("hit_points", HIT_POINTS).put("time_limit_seconds", timeLimit));
        return Future.all(connects)
                .compose(v -> post(gen, first, "/games/create", accounts[first].token(), create)
                        .onFailure(e -> stats.setupFailures.add("create: " + Errors.reason(e))))
                .compose(game -> {
                    stats.gamesCreated.increment();
                    String id = game.getString("game_id");
                    JsonObject code = new JsonObject().put("join_code", game.getString("join_code"));
                    List<Future<JsonObject>> joins = new ArrayList<>();
                    for (int i = first + 1; i < first + plan.players(); i++) {
                        joins.add(post(gen, i, "/games/" + id + "/join", accounts[i].token(), code)
                                .onFailure(e -> stats.setupFailures.add("join: " + Errors.reason(e))));
                    }
                    return Future.all(joins).map(id);
                })
                // a lobby game starts when every seated player is ready
                .compose(id -> {
                    JsonObject ready = new JsonObject().put("ready", true);
                    List<Future<JsonObject>> readies = new ArrayList<>();
                    for (int i = first; i < first + plan.players(); i++) {
                        readies.add(post(gen, i, "/games/" + id + "/ready", accounts[i].token(), ready)
                                .onFailure(e -> stats.setupFailures.add("ready: " + Errors.reason(e))));
                    }
                    return Future.all(readies).map(id);
                })
                .compose(id -> {
                    List<Future<Void>> attaches = new ArrayList<>();
                    for (int i = first; i < first + plan.players(); i++) {
                        int k = i;
                        attaches.add(gen.onLane(gen.lane(k), () -> clients[k].attach(gen.vertx(), id)));
                    }
                    return Future.all(attaches);
                })
                .recover(e -> Future.succeededFuture());
    }

    private static Future<JsonObject> post(LoadGenerator gen, int item, String uri, String token, JsonObject body) {
        RequestOptions req = new RequestOptions().setMethod(HttpMethod.POST).setURI(uri)
                .putHeader("content-type", "application/json").putHeader("authorization", "Bearer " + token)
                .setIdleTimeout(30_000);
        return gen.http(item).request(req).compose(r -> r.send(body.toBuffer())).compose(resp -> resp.body().map(b -> {
            if (resp.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + resp.statusCode());
            }
            return b.toJsonObject();
        }));
    }

    private void closeAll(LoadGenerator gen, MatchClient[] clients) {
        List<Future<Void>> closing = new ArrayList<>();
        for (MatchClient c : clients) {
            closing.add(gen.onLane(gen.lane(c.index), () -> {
                c.leaveAndClose();
                return Future.succeededFuture();
            }));
        }
        try {
            Future.all(closing).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the event loops are closed next anyway
        }
    }

    private Cpu cpu() {
        return new Cpu(plan.serverPid() == null ? -1 : procTicks(plan.serverPid().toString()), procTicks("self"),
                System.nanoTime());
    }

    private static long procTicks(String pid) {
        try {
            return ServerSample.cpuTicks(Files.readString(Path.of("/proc", pid, "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double cores(long before, long after, long nanos) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / CLOCK_TICKS_PER_SECOND / (nanos / 1e9);
    }

    private JsonObject serverReport(ServerSample before, ServerSample after, Window window, Cpu cpuBefore,
                                    Cpu cpuAfter, ServerView view) {
        JsonObject out = new JsonObject();
        if (before == null || after == null || !after.hasMatchMeters()) {
            out.put("metrics_error", before == null || after == null ? view.error()
                    : "the server exports no arena_match_* meters (an older server?)");
        } else {
            var b = before.buckets(ServerSample.TICK);
            var a = after.buckets(ServerSample.TICK);
            double ticks = ServerSample.delta(before, after, ServerSample.TICK + "_count");
            double sum = ServerSample.delta(before, after, ServerSample.TICK + "_sum");
            out.put("ticks", (long) ticks)
                    .put("ticks_per_s", ReportPrinter.round(ticks / window.seconds()))
                    .put("expected_ticks_per_s", plan.matches() * 20)
                    .put("tick_ms", new JsonObject()
                            .put("p50", ms(ServerSample.quantile(b, a, 0.50)))
                            .put("p99", ms(ServerSample.quantile(b, a, 0.99)))
                            .put("p999", ms(ServerSample.quantile(b, a, 0.999)))
                            .put("mean", ms(ticks > 0 ? sum / ticks : Double.NaN))
                            .put("max_recent", ms(after.get(ServerSample.TICK + "_max"))))
                    .put("ticks_skipped", (long) ServerSample.delta(before, after, "arena_match_ticks_skipped_total"))
                    .put("inputs", new JsonObject()
                            .put("accepted", inputs(before, after, "accepted"))
                            .put("rejected", inputs(before, after, "rejected"))
                            .put("dropped", inputs(before, after, "dropped")))
                    .put("matches_running", (long) after.get("arena_matches{status=\"running\"}"))
                    .put("stalls", ServerStalls.between(before, after));
        }
        double procCores = cores(cpuBefore.serverTicks(), cpuAfter.serverTicks(), cpuAfter.nanos() - cpuBefore.nanos());
        if (!Double.isNaN(procCores)) {
            out.put("cpu_cores", ReportPrinter.round(procCores)).put("cpu_source", "/proc/" + plan.serverPid() + "/stat");
        } else if (!Double.isNaN(view.meanCpuCores())) {
            out.put("cpu_cores", ReportPrinter.round(view.meanCpuCores()))
                    .put("cpu_source", "process_cpu_usage x system_cpu_count, mean of the scrapes in the window");
        }
        return out;
    }

    private static long inputs(ServerSample before, ServerSample after, String result) {
        double d = ServerSample.delta(before, after, "arena_match_inputs_total{result=\"" + result + "\"}");
        return Double.isNaN(d) ? -1 : (long) d;
    }

    private static double ms(double seconds) {
        return Double.isNaN(seconds) ? -1 : Math.round(seconds * 1e6) / 1000.0;
    }

    private Verdict verdict(LatencyStats.LatencySummary latency, JsonObject server) {
        long setupFailures = plan.clients() - stats.attached.sum();
        Verdict v = new Verdict(settings.maxErrorPct())
                .require(stats.sentInWindow() > 0, "no input was sent in the measured window")
                .require(latency.count() > 0, "no input was acknowledged in the measured window")
                .check("players that did not get into their match", setupFailures, plan.clients())
                .check("unexpected closes", stats.closes.total(), plan.clients())
                .check("matches that ended during the run", stats.ends.total(), plan.clients())
                .check("inputs refused by the server", stats.serverErrors.total(), stats.sentTotal.sum())
                .check("inputs never acknowledged", stats.unmatched.sum(), stats.sentTotal.sum());
        double inputLimit = plan.maxInputP99().toNanos() / 1e6;
        v.require(latency.p99Ms() <= inputLimit, String.format(Locale.ROOT,
                "input-to-state p99 %.2f ms above %.2f ms", latency.p99Ms(), inputLimit));
        JsonObject tick = server.getJsonObject("tick_ms");
        double tickLimit = plan.maxTickP99().toNanos() / 1e6;
        if (tick == null) {
            v.require(false, "no tick duration from the server's /metrics: " + server.getString("metrics_error"));
        } else {
            v.require(tick.getDouble("p99") <= tickLimit, String.format(Locale.ROOT,
                    "server tick p99 %.3f ms above %.3f ms", tick.getDouble("p99"), tickLimit));
            v.require(server.getLong("ticks_skipped") == 0, "the server skipped "
                    + server.getLong("ticks_skipped") + " ticks (matches fell behind)");
        }
        return v;
    }

    private JsonObject report(LatencyStats.LatencySummary latency, JsonObject server, Window window,
                              double setupSeconds, long accountFailures, long skippedLate, Cpu cpuBefore,
                              Cpu cpuAfter) {
        double secs = window.seconds();
        JsonObject byKind = new JsonObject();
        JsonObject latencyByKind = new JsonObject();
        for (BattleBot.Kind k : BattleBot.Kind.values()) {
            byKind.put(k.name().toLowerCase(Locale.ROOT), stats.sentInWindow(k));
            latencyByKind.put(k.name().toLowerCase(Locale.ROOT),
                    ReportPrinter.latency(stats.latencyByKind.get(k).total()));
        }
        double benchCores = cores(cpuBefore.benchTicks(), cpuAfter.benchTicks(), cpuAfter.nanos() - cpuBefore.nanos());
        return new JsonObject()
                .put("scenario", "matches")
                .put("url", settings.target().url())
                .put("matches", plan.matches())
                .put("players_per_match", plan.players())
                .put("players", plan.clients())
                .put("input_rate_per_player", plan.inputRate())
                .put("duration_s", secs)
                .put("warmup_s", run.warmup.toMillis() / 1000.0)
                .put("setup", new JsonObject()
                        .put("account_failures", accountFailures)
                        .put("games_created", stats.gamesCreated.sum())
                        .put("connected", stats.connected.sum())
                        .put("attached", stats.attached.sum())
                        .put("failures", ReportPrinter.counts(stats.setupFailures.snapshot()))
                        .put("seconds", ReportPrinter.round(setupSeconds)))
                .put("inputs", new JsonObject()
                        .put("sent", stats.sentInWindow())
                        .put("per_s", ReportPrinter.round(stats.sentInWindow() / secs))
                        .put("target_per_s", ReportPrinter.round(plan.clients() * plan.inputRate()))
                        .put("by_kind", byKind)
                        .put("acked", stats.matched.sum())
                        .put("unmatched", stats.unmatched.sum())
                        .put("bot_idle_turns", stats.idle.sum())
                        .put("skipped_sender_behind", skippedLate)
                        .put("write_queue_full", stats.writeQueueFull.sum()))
                .put("input_to_state_ms", ReportPrinter.latency(latency))
                .put("input_to_state_by_kind_ms", latencyByKind)
                .put("server", server)
                .put("bench_cpu_cores", Double.isNaN(benchCores) ? -1 : ReportPrinter.round(benchCores))
                .put("frames_received", stats.frames.sum())
                .put("errors", ReportPrinter.errors(stats.serverErrors, stats.socketErrors, stats.closes)
                        .put("match_ends_by_reason", ReportPrinter.counts(stats.ends.snapshot()))
                        .put("other_frames", stats.otherFrames.sum()));
    }
}
