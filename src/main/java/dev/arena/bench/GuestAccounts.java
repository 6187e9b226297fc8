package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Creates the run's guest accounts through {@code POST /auth/guest {"device_id": "bench-<run>-<n>"}} with
 * bounded concurrency, retrying a failed request twice. Guest logins involve no password hashing, so 20,000
 * take seconds, not minutes. A device id that already exists logs that guest in again, so a run id can be
 * reused.
 */
final class GuestAccounts {
    private static final int ATTEMPTS = 3;

    private final LoadGenerator gen;
    private final String runId;
    private final AtomicReferenceArray<Account> accounts;
    private final AtomicInteger created = new AtomicInteger();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    private GuestAccounts(LoadGenerator gen, String runId, int count) {
        this.gen = gen;
        this.runId = runId;
        this.accounts = new AtomicReferenceArray<>(count);
    }

    /**
     * Blocks the calling (non-event-loop) thread until every account is created or has failed, printing
     * progress every second to {@code progress} (null for none).
     */
    static Result create(LoadGenerator gen, String runId, int count, int concurrency, PrintStream progress) {
        GuestAccounts g = new GuestAccounts(gen, runId, count);
        long start = System.nanoTime();
        Future<Void> all = gen.bounded(count, concurrency, i -> gen.onLane(gen.lane(i), () -> g.one(i, 1)));
        while (!all.isComplete()) {
            try {
                all.await(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (progress != null) {
                    double s = (System.nanoTime() - start) / 1e9;
                    progress.printf("accounts %d/%d (%.0f/s), failed %d%n", g.created.get(), count,
                            g.created.get() / s, g.failed.sum());
                }
            }
        }
        Account[] out = new Account[count];
        for (int i = 0; i < count; i++) {
            out[i] = g.accounts.get(i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> reasons = new java.util.TreeMap<>();
        g.failures.forEach((k, v) -> reasons.put(k, v.sum()));
        if (progress != null) {
            progress.printf("accounts %d/%d in %.1f s, failed %d%s%n", g.created.get(), count, seconds,
                    g.failed.sum(), reasons.isEmpty() ? "" : " " + reasons);
        }
        return new Result(out, g.created.get(), g.failed.sum(), seconds, reasons);
    }

    /** {@code accounts[i]} is null when account {@code i} could not be created. */
    record Result(Account[] accounts, int created, long failed, double seconds, Map<String, Long> failures) {}

    /** Logs guest {@code i} of a run in (again): a fresh token for the same player. */
    static Future<Account> login(LoadGenerator gen, String runId, int i) {
        String body = new JsonObject().put("device_id", "bench-" + runId + "-" + i).encode();
        RequestOptions req = new RequestOptions().setMethod(HttpMethod.POST).setURI("/auth/guest")
                .putHeader("content-type", "application/json").setIdleTimeout(30_000);
        return gen.http(i).request(req)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + resp.statusCode());
                    }
                    JsonObject json = b.toJsonObject();
                    return new Account(json.getJsonObject("player").getString("id"), json.getString("token"));
                }));
    }

    private Future<Void> one(int i, int attempt) {
        Promise<Void> done = Promise.promise();
        login(gen, runId, i)
                .onSuccess(a -> {
                    accounts.set(i, a);
                    created.incrementAndGet();
                    done.complete();
                })
                .onFailure(e -> {
                    if (attempt < ATTEMPTS) {
                        gen.vertx().setTimer(200L * attempt, t -> one(i, attempt + 1).onComplete(done));
                    } else {
                        failed.increment();
                        failures.computeIfAbsent(Errors.reason(e), k -> new LongAdder()).increment();
                        done.complete();
                    }
                });
        return done.future();
    }
}
