package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Closed-loop HTTP load, like wrk: each of {@code --connections} loops sends a GET, waits for the whole
 * response, and sends the next. Requests started inside the measured window are measured; the rest are
 * warm-up.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Closed-loop GET load on one path; reports requests/s, latency, non-2xx and errors.")
final class HttpScenario implements Callable<Integer> {
    private static final String ID = "{id}";

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RunOptions run;

    @Option(names = "--path", defaultValue = "/players/{id}",
            description = "request path; {id} is replaced by bench-created player ids in turn (default: ${DEFAULT-VALUE})")
    String path;

    @Option(names = "--connections", defaultValue = "50", description = "concurrent request loops (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--players", defaultValue = "100",
            description = "guest accounts to create for {id} and --auth (default: ${DEFAULT-VALUE})")
    int players;

    @Option(names = "--auth", description = "send a bench guest's access token as Authorization: Bearer")
    boolean auth;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "per-request timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    private final LongAdder started = new LongAdder();
    private final LongAdder measured = new LongAdder();
    private final LongAdder measuredOk = new LongAdder();
    private final Counters non2xx = new Counters();
    private final Counters errors = new Counters();
    private final LongAdder allErrors = new LongAdder();
    private final LongAdder allNon2xx = new LongAdder();
    private final LatencyStats latency = new LatencyStats();

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        run.validate(problems);
        if (!path.startsWith("/")) {
            problems.add("--path must start with /");
        }
        if (connections < 1 || connections > 20_000) {
            problems.add("--connections must be between 1 and 20000");
        }
        boolean needAccounts = auth || path.contains(ID);
        if (needAccounts && (players < 1 || players > 100_000)) {
            problems.add("--players must be between 1 and 100000");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);

        int addresses = Math.max(1, s.sourceAddresses().size());
        int pool = Math.max((connections + addresses - 1) / addresses, s.authConcurrency());
        try (LoadGenerator gen = LoadGenerator.start(s, pool, 1)) {
            Account[] accounts = new Account[0];
            if (needAccounts) {
                var created = GuestAccounts.create(gen, s.runId(), players, s.authConcurrency(), System.err);
                accounts = java.util.Arrays.stream(created.accounts()).filter(Objects::nonNull).toArray(Account[]::new);
                if (accounts.length == 0) {
                    System.err.println("bench: no guest account could be created: " + created.failures());
                    return 1;
                }
            }
            long t0 = System.nanoTime();
            Window window = Window.after(t0, run.warmup, run.duration);
            Account[] acc = accounts;
            List<Future<Void>> loops = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int conn = c;
                loops.add(gen.onLane(gen.lane(c), () -> loop(gen.http(conn), conn, acc, window)));
            }
            Future<Void> all = Future.all(loops).mapEmpty();
            Progress progress = new Progress(s.quiet() ? null : System.err, t0);
            long[] last = {0};
            progress.runUntil(window.endNanos() + timeout.toNanos() + 1_000_000_000L, all::isComplete, () -> {
                long now = started.sum();
                long rate = now - last[0];
                last[0] = now;
                return String.format(Locale.ROOT, "%s requests %,d (%,d/s)  non-2xx %,d  errors %,d  p99 %.2f ms",
                        progress.prefix(Progress.phase(window, System.nanoTime())), now, rate, allNon2xx.sum(),
                        allErrors.sum(), latency.interval().p99Ms());
            });
            JsonObject report = report(s, window);
            Verdict verdict = verdict(s);
            report.put("verdict", ReportPrinter.verdict(verdict));
            ReportPrinter.print(report, s.json(), System.out);
            return verdict.passed() ? 0 : 1;
        }
    }

    private Future<Void> loop(HttpClient client, int conn, Account[] accounts, Window window) {
        Promise<Void> done = Promise.promise();
        new Object() {
            long k = conn;

            void next() {
                long start = System.nanoTime();
                if (start - window.endNanos() >= 0) {
                    done.complete();
                    return;
                }
                Account a = accounts.length == 0 ? null : accounts[(int) (k++ % accounts.length)];
                String uri = a == null ? path : path.replace(ID, a.playerId());
                RequestOptions req = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                        .setIdleTimeout(timeout.toMillis());
                if (auth && a != null) {
                    req.putHeader("authorization", "Bearer " + a.token());
                }
                started.increment();
                client.request(req)
                        .compose(r -> r.send())
                        .compose(resp -> resp.body().map(b -> resp.statusCode()))
                        .onComplete(ar -> {
                            boolean inWindow = window.contains(start);
                            long micros = (System.nanoTime() - start) / 1000;
                            if (ar.succeeded()) {
                                latency.record(micros, inWindow);
                                int status = ar.result();
                                boolean ok = status >= 200 && status < 300;
                                if (inWindow) {
                                    measured.increment();
                                    if (ok) {
                                        measuredOk.increment();
                                    }
                                }
                                if (!ok) {
                                    allNon2xx.increment();
                                    if (inWindow) {
                                        non2xx.add(Integer.toString(status));
                                    }
                                }
                                next();
                            } else {
                                allErrors.increment();
                                if (inWindow) {
                                    measured.increment();
                                    errors.add(Errors.reason(ar.cause()));
                                }
                                // a refused connection fails at once: pause so the loop does not spin
                                io.vertx.core.Vertx.currentContext().owner().setTimer(10, t -> next());
                            }
                        });
            }
        }.next();
        return done.future();
    }

    private JsonObject report(CommonOptions.Settings s, Window window) {
        double secs = window.seconds();
        long total = measured.sum();
        long measuredErrors = errors.total();
        long bad = total - measuredOk.sum() - measuredErrors;
        return new JsonObject()
                .put("scenario", "http")
                .put("url", s.target().url() + path)
                .put("connections", connections)
                .put("duration_s", secs)
                .put("warmup_s", run.warmup.toMillis() / 1000.0)
                .put("requests", new JsonObject()
                        .put("total", total)
                        .put("per_s", ReportPrinter.round(total / secs))
                        .put("ok_2xx", measuredOk.sum())
                        .put("non_2xx", bad)
                        .put("errors", measuredErrors)
                        .put("non_2xx_by_status", ReportPrinter.counts(non2xx.snapshot()))
                        .put("errors_by_reason", ReportPrinter.counts(errors.snapshot())))
                .put("latency_ms", ReportPrinter.latency(latency.total()));
    }

    private Verdict verdict(CommonOptions.Settings s) {
        long total = measured.sum();
        long measuredErrors = errors.total();
        Verdict v = new Verdict(s.maxErrorPct());
        run.checkLatency(v, latency.total());
        return v.require(total > 0, "no request completed in the measured window")
                .check("non-2xx responses", total - measuredOk.sum() - measuredErrors, total)
                .check("request errors", measuredErrors, total);
    }
}
