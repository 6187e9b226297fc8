package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.function.IntFunction;

/**
 * The soak's matches: a two-player {@code relay} game played start to finish over HTTP, so every one ends with a
 * stored result and its durable jobs (ratings, stats), as real matches do. Create by one player, join by the
 * other, both ready (a lobby game starts when all are), wait until it runs, and the creator reports the other as
 * winner. Each failure is counted by the step that failed. A step refused with 401 (the player's access token
 * expired: 15 minutes by default, and the soak runs for an hour) logs that player in again and is tried once more.
 */
final class SoakMatches {
    private static final int START_POLLS = 50;

    private final LoadGenerator gen;
    private final SoakStats stats;
    private final Account[] accounts;
    private final IntFunction<Future<Account>> relogin;

    SoakMatches(LoadGenerator gen, SoakStats stats, Account[] accounts, IntFunction<Future<Account>> relogin) {
        this.gen = gen;
        this.stats = stats;
        this.accounts = accounts;
        this.relogin = relogin;
    }

    /** Plays one match between accounts {@code host} and {@code guest}; never fails (failures are counted). */
    Future<Void> play(int item, int host, int guest) {
        stats.matchesStarted.increment();
        return call(item, HttpMethod.POST, "/games/create", host,
                new JsonObject().put("mode", "relay").put("max_players", 2), 201, "create")
                .compose(created -> {
                    String id = created.getString("game_id");
                    return call(item, HttpMethod.POST, "/games/" + id + "/join", guest, null, 200, "join")
                            .compose(v -> ready(item, id, host))
                            .compose(v -> ready(item, id, guest))
                            .compose(v -> running(item, id, host, START_POLLS))
                            .compose(v -> call(item, HttpMethod.POST, "/games/" + id + "/finish", host,
                                    new JsonObject().put("result", new JsonObject().put("winner",
                                            accounts[guest].playerId())), 202,
                                    "finish"));
                })
                .<Void>map(v -> {
                    stats.matchesFinished.increment();
                    return null;
                })
                .recover(e -> {
                    stats.matchFailures.add(e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private Future<JsonObject> ready(int item, String id, int who) {
        return call(item, HttpMethod.POST, "/games/" + id + "/ready", who, new JsonObject().put("ready", true), 200,
                "ready");
    }

    private Future<JsonObject> running(int item, String id, int who, int polls) {
        return call(item, HttpMethod.GET, "/games/" + id + "/state", who, null, 200, "state").compose(s -> {
            if ("running".equals(s.getString("status"))) {
                return Future.succeededFuture(s);
            }
            if (polls <= 0) {
                return Future.failedFuture("start: not running after " + START_POLLS + " polls");
            }
            io.vertx.core.Promise<Void> later = io.vertx.core.Promise.promise();
            gen.vertx().setTimer(100, t -> later.complete());
            return later.future().compose(t -> running(item, id, who, polls - 1));
        });
    }

    private Future<JsonObject> call(int item, HttpMethod method, String uri, int who, JsonObject body,
                                    int expected, String step) {
        return attempt(item, method, uri, accounts[who].token(), body, expected, step).recover(e ->
                Errors.status(e) == 401
                        ? relogin.apply(who).compose(a -> attempt(item, method, uri, a.token(), body, expected, step))
                        : Future.failedFuture(e));
    }

    private Future<JsonObject> attempt(int item, HttpMethod method, String uri, String token, JsonObject body,
                                       int expected, String step) {
        RequestOptions req = new RequestOptions().setMethod(method).setURI(uri).setIdleTimeout(30_000)
                .putHeader("authorization", "Bearer " + token);
        if (body != null) {
            req.putHeader("content-type", "application/json");
        }
        return gen.http(item).request(req)
                .compose(r -> body == null ? r.send() : r.send(Buffer.buffer(body.encode())))
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() != expected) {
                        throw new HttpStatusException(step, resp.statusCode());
                    }
                    return b.length() == 0 ? new JsonObject() : b.toJsonObject();
                }))
                .recover(e -> Future.failedFuture(e instanceof IllegalStateException ? e
                        : new IllegalStateException(step + ": " + Errors.reason(e))));
    }
}
