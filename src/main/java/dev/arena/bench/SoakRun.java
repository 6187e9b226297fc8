package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code soak} scenario from start to report: guests, every player connected and in its room, then the mixed
 * load (chat, reconnects, matches) for the duration while the main thread samples the server
 * ({@link ServerVitals}) every interval and prints one line per sample. At the end each sampled series is fitted
 * with a {@link Trend} over the samples after the settling time; a series that rises faster than the limit fails
 * the run, like too many errors do.
 */
final class SoakRun {
    /** At most this many matches in flight: a server that falls behind gets no pile of half-made games. */
    private static final int MAX_MATCHES_IN_FLIGHT = 64;
    private static final List<String> SERIES = List.of(ServerVitals.RSS, ServerVitals.HEAP, ServerVitals.FDS,
            ServerVitals.THREADS);

    /** The run's shape and limits (validated by {@link SoakScenario}). */
    record Plan(int clients, Duration duration, int roomSize, Duration chatEvery, Duration reconnectEvery,
                int matchesPerMinute, Duration sampleEvery, Duration settle, double maxGrowthPctPerHour,
                int connectConcurrency, Integer serverPid) {}

    /** One sample: seconds since the load started, the server's readings, and the run's counts at that time. */
    private record Sample(double seconds, Map<String, Double> vitals, JsonObject counts) {}

    private final CommonOptions.Settings settings;
    private final Plan plan;
    private final PrintStream out;
    private final SoakStats stats = new SoakStats();
    private final AtomicInteger matchesInFlight = new AtomicInteger();
    private final List<Sample> samples = new ArrayList<>();

    SoakRun(CommonOptions.Settings settings, Plan plan) {
        this.settings = settings;
        this.plan = plan;
        this.out = settings.quiet() ? null : System.err;
    }

    int execute() {
        int addresses = Math.max(1, settings.sourceAddresses().size());
        try (LoadGenerator gen = LoadGenerator.start(settings, Math.max(settings.authConcurrency(), 64),
                plan.clients() / addresses + 1)) {
            var created = GuestAccounts.create(gen, settings.runId(), plan.clients(), settings.authConcurrency(), out);
            Account[] accounts = created.accounts();
            if (created.created() < 2) {
                System.err.println("bench: too few guest accounts could be created: " + created.failures());
                return 1;
            }
            SoakClient[] clients = connect(gen, accounts);
            ServerVitals vitals = new ServerVitals(gen, plan.serverPid());
            SoakMatches matches = new SoakMatches(gen, stats, accounts,
                    i -> GuestAccounts.login(gen, settings.runId(), i).map(a -> {
                        stats.relogins.increment();
                        accounts[i] = a; // the socket's next reconnect uses the fresh token too
                        return a;
                    }));
            long start = System.nanoTime();
            long matchTimer = plan.matchesPerMinute() == 0 ? -1
                    : gen.vertx().setPeriodic(Math.max(1, 60_000L / plan.matchesPerMinute()),
                    new MatchStarter(gen, matches, accounts)::next);
            long end = start + plan.duration().toNanos();
            for (long next = start; next - end < 0; next += plan.sampleEvery().toNanos()) {
                if (!sleepUntil(next)) {
                    break;
                }
                sample(vitals, (System.nanoTime() - start) / 1e9);
            }
            sleepUntil(end);
            if (matchTimer >= 0) {
                gen.vertx().cancelTimer(matchTimer);
            }
            stop(gen, clients);
            return report(vitals);
        }
    }

    private SoakClient[] connect(LoadGenerator gen, Account[] accounts) {
        SoakClient[] clients = new SoakClient[plan.clients()];
        Future<Void> all = gen.bounded(plan.clients(), plan.connectConcurrency(), i -> {
            if (accounts[i] == null) {
                return Future.succeededFuture();
            }
            String room = "soak-" + settings.runId() + "-" + (i / plan.roomSize());
            return gen.onLane(gen.lane(i), () -> {
                clients[i] = new SoakClient(i, stats, gen.vertx(), gen.ws(i), settings.target(), accounts[i].token(),
                        room, plan.chatEvery(), plan.reconnectEvery(),
                        () -> GuestAccounts.login(gen, settings.runId(), i).map(a -> {
                            accounts[i] = a; // matches use the fresh token too
                            return a.token();
                        }));
                return clients[i].start();
            });
        });
        long t0 = System.nanoTime();
        Progress progress = new Progress(out, t0);
        progress.runUntilDone(all::isComplete, () -> String.format(Locale.ROOT, "%s open %,d/%,d  failed %,d",
                progress.prefix("connect"), stats.open.get(), plan.clients(), stats.connectFailures.total()
                        + stats.joinFailures.total()));
        if (out != null) {
            out.printf("%,d of %,d players connected and in their rooms in %.1f s%n", stats.open.get(),
                    plan.clients(), (System.nanoTime() - t0) / 1e9);
        }
        return clients;
    }

    /** Starts one match per period between the next two accounts, unless too many are still in flight. */
    private final class MatchStarter {
        private final LoadGenerator gen;
        private final SoakMatches matches;
        private final Account[] accounts;
        private int n;

        MatchStarter(LoadGenerator gen, SoakMatches matches, Account[] accounts) {
            this.gen = gen;
            this.matches = matches;
            this.accounts = accounts;
        }

        void next(long timer) {
            if (matchesInFlight.get() >= MAX_MATCHES_IN_FLIGHT) {
                stats.matchFailures.add("skipped: " + MAX_MATCHES_IN_FLIGHT + " still in flight");
                return;
            }
            int item = n++;
            int host = Math.floorMod(2 * item, accounts.length);
            int guest = Math.floorMod(2 * item + 1, accounts.length);
            if (accounts[host] == null || accounts[guest] == null) {
                return;
            }
            matchesInFlight.incrementAndGet();
            gen.onLane(gen.lane(item), () -> matches.play(item, host, guest))
                    .onComplete(ar -> matchesInFlight.decrementAndGet());
        }
    }

    private void sample(ServerVitals vitals, double seconds) {
        Map<String, Double> v = vitals.sample();
        JsonObject counts = counts();
        samples.add(new Sample(seconds, v, counts));
        if (out != null) {
            out.printf(Locale.ROOT, "[%6.0fs sample] rss %s MiB  heap after GC %s MiB%s  fds %s  threads %s  |  "
                            + "open %,d  reconnects %,d  chat %,d/%,d acked  matches %,d/%,d  errors %,d%n",
                    seconds, show(v.get(ServerVitals.RSS)), show(v.get(ServerVitals.HEAP)),
                    vitals.forcedGc() ? "" : " (no forced GC)", show(v.get(ServerVitals.FDS)),
                    show(v.get(ServerVitals.THREADS)), stats.open.get(), stats.reconnects.sum(),
                    stats.chatAcked.sum(), stats.chatSent.sum(), stats.matchesFinished.sum(),
                    stats.matchesStarted.sum(), errorCount());
        }
    }

    private static String show(Double v) {
        return v == null ? "?" : ReportPrinter.format(v);
    }

    private long errorCount() {
        return stats.connectFailures.total() + stats.joinFailures.total() + stats.closes.total()
                + stats.serverErrors.total() + stats.matchFailures.total();
    }

    private JsonObject counts() {
        return new JsonObject().put("open", stats.open.get()).put("connects", stats.connects.sum())
                .put("reconnects", stats.reconnects.sum()).put("relogins", stats.relogins.sum()).put("chat_sent", stats.chatSent.sum())
                .put("chat_acked", stats.chatAcked.sum()).put("chat_received", stats.chatReceived.sum())
                .put("matches_started", stats.matchesStarted.sum())
                .put("matches_finished", stats.matchesFinished.sum()).put("errors", errorCount());
    }

    private void stop(LoadGenerator gen, SoakClient[] clients) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (matchesInFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            sleepUntil(System.nanoTime() + 100_000_000L);
        }
        List<Future<Void>> stopping = new ArrayList<>();
        for (SoakClient c : clients) {
            if (c != null) {
                stopping.add(gen.onLane(gen.lane(c.index), c::stop));
            }
        }
        try {
            Future.all(stopping).await(45, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the event loops close next
        }
    }

    private int report(ServerVitals vitals) {
        Verdict verdict = new Verdict(settings.maxErrorPct());
        JsonObject trends = new JsonObject();
        for (String series : SERIES) {
            List<Trend.Point> points = new ArrayList<>();
            for (Sample s : samples) {
                Double value = s.vitals().get(series);
                if (value != null && s.seconds() >= plan.settle().toSeconds()) {
                    points.add(new Trend.Point(s.seconds(), value));
                }
            }
            Trend t = Trend.of(points);
            boolean rising = t.rising(plan.maxGrowthPctPerHour());
            trends.put(series, new JsonObject().put("judged_samples", t.samples())
                    .put("mean", ReportPrinter.round(t.mean()))
                    .put("slope_per_hour", ReportPrinter.round(t.slopePerHour()))
                    .put("growth_pct_per_hour", ReportPrinter.round(t.growthPctPerHour()))
                    .put("judged", t.judged()).put("rising", rising));
            verdict.require(!rising, t.describe(series) + ", above --max-growth " + plan.maxGrowthPctPerHour());
        }
        long connects = stats.connects.sum();
        long chatSent = stats.chatSent.sum();
        // lines sent in the last moments before the stop may be unanswered; --max-error-pct allows for them
        verdict.require(!samples.isEmpty(), "no sample was taken")
                .require(connects > 0, "no socket connected")
                .check("failed connects and joins", stats.connectFailures.total() + stats.joinFailures.total(),
                        connects + stats.connectFailures.total())
                .check("unexpected closes", stats.closes.total(), connects)
                .check("chat lines not acknowledged", chatSent - stats.chatAcked.sum(), chatSent)
                .check("server error frames", stats.serverErrors.total(), chatSent + connects)
                .check("failed matches", stats.matchesStarted.sum() - stats.matchesFinished.sum(),
                        stats.matchesStarted.sum());
        JsonArray table = new JsonArray();
        for (Sample s : samples) {
            JsonObject row = new JsonObject().put("t_s", ReportPrinter.round(s.seconds()));
            s.vitals().forEach(row::put);
            table.add(row.mergeIn(s.counts()));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("clients", plan.clients());
        config.put("duration_s", plan.duration().toSeconds());
        config.put("room_size", plan.roomSize());
        config.put("chat_every_s", plan.chatEvery().toMillis() / 1000.0);
        config.put("reconnect_every_s", plan.reconnectEvery().toSeconds());
        config.put("matches_per_min", plan.matchesPerMinute());
        config.put("sample_every_s", plan.sampleEvery().toSeconds());
        config.put("settle_s", plan.settle().toSeconds());
        config.put("max_growth_pct_per_hour", plan.maxGrowthPctPerHour());
        JsonObject report = new JsonObject()
                .put("scenario", "soak")
                .put("url", settings.target().url())
                .put("config", new JsonObject(config))
                .put("heap_after_forced_gc", plan.serverPid() != null && vitals.forcedGc())
                .put("samples", samples.size())
                .put("first_sample", table.isEmpty() ? new JsonObject() : table.getJsonObject(0))
                .put("last_sample", table.isEmpty() ? new JsonObject() : table.getJsonObject(table.size() - 1))
                .put("trends", trends)
                .put("counts", counts())
                .put("errors", ReportPrinter.errors(stats.serverErrors, stats.socketErrors, stats.closes)
                        .put("connect_failures", ReportPrinter.counts(stats.connectFailures.snapshot()))
                        .put("join_failures", ReportPrinter.counts(stats.joinFailures.snapshot()))
                        .put("match_failures", ReportPrinter.counts(stats.matchFailures.snapshot())))
                .put("verdict", ReportPrinter.verdict(verdict));
        if (vitals.gcProblem() != null) {
            report.put("gc_problem", vitals.gcProblem());
        }
        ReportPrinter.print(report, false, System.out);
        if (settings.json()) {
            System.out.println(report.copy().put("sample_table", table).encode());
        }
        return verdict.passed() ? 0 : 1;
    }

    /** Sleeps until {@code nanos}; false when interrupted. */
    private static boolean sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, 1_000_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
