package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.identity.IdentityService;
import dev.arena.identity.Principal;
import dev.arena.identity.SessionRevocations;
import dev.arena.metrics.DashboardFeed;
import dev.arena.metrics.PlayerStatistics;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The live dashboard's data: {@code GET /dashboard/stream} (Server-Sent Events, one merged cluster sample a second),
 * {@code GET /dashboard/history} (up to the last hour, so charts are full when the page opens) and
 * {@code GET /dashboard/players} (player statistics from PostgreSQL rollups). Readable by any signed-in account, or
 * by anyone when {@code ARENA_DASHBOARD_PUBLIC=true}; the samples hold counts only, never a token, address or name.
 *
 * <p>Why SSE and not a {@code metrics} room on {@code /ws}: the feed is one-way, must work for an anonymous visitor
 * (the socket upgrade requires a token) and needs no sequencing or resume beyond "the next second replaces the last".
 * The SDK reads it with {@code fetch} so it can send the bearer token (EventSource cannot set headers).
 *
 * <p>Overflow rule: a stream whose socket is not draining (write queue full) skips that second; the client sees a
 * gap in {@code id} and the next second's sample is complete on its own, so nothing else is needed.
 */
final class DashboardApi {
    static final long MAX_HISTORY_SECONDS = DashboardFeed.HISTORY;
    /** An open stream's token is authenticated again every this many samples (seconds of the node's clock). */
    static final int RECHECK_EVERY = 5;

    private final DashboardFeed feed;
    private final PlayerStatistics statistics;
    private final boolean open;
    private final IdentityService identity;

    DashboardApi(DashboardFeed feed, PlayerStatistics statistics, boolean open, IdentityService identity) {
        this.feed = feed;
        this.identity = identity;
        this.statistics = statistics;
        this.open = open;
    }

    void mount(Router router, Authenticator auth) {
        Handler<RoutingContext> gate = open ? ctx -> ctx.next() : auth;
        router.get("/dashboard/stream").handler(gate).handler(this::stream);
        router.get("/dashboard/history").handler(gate).handler(this::history);
        router.get("/dashboard/players").handler(gate).handler(ctx -> Handlers.respond(ctx, 200,
                statistics.summary()));
    }

    private void history(RoutingContext ctx) {
        List<ArenaException.FieldError> errors = new ArrayList<>(1);
        Long seconds = Handlers.wholeParam(ctx, "seconds", errors);
        if (errors.isEmpty() && seconds != null && (seconds < 1 || seconds > MAX_HISTORY_SECONDS)) {
            errors.add(new ArenaException.FieldError("seconds", "must be between 1 and " + MAX_HISTORY_SECONDS));
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        List<String> samples = feed.history(seconds == null ? MAX_HISTORY_SECONDS : seconds);
        // the samples are JSON texts already: joined, never parsed and encoded again
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end("{\"samples\":[" + String.join(",", samples) + "]}");
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse r = ctx.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        r.write("retry: 2000\n\n");
        String current = feed.current();
        if (current != null) {
            r.write("data: " + current + "\n\n");
        }
        new OpenStream(r, Vertx.currentContext(), ctx.get(Handlers.PRINCIPAL),
                Authenticator.bearer(ctx.request().getHeader("Authorization"))).open();
    }

    /**
     * One open stream, on its HTTP connection's context. The token was checked when it opened; it is checked again
     * while it runs, since a dashboard may stay open for days: a revocation of its session (logout, sign out
     * everywhere, a role change) ends it at once, and every {@link #RECHECK_EVERY} samples the token is
     * authenticated again, which catches an expired token or session. Ending it is enough: the SDK reconnects, and
     * the new request gets the 401 that sends the page to sign-in. A visitor's stream (public dashboard) has no
     * principal and nothing to re-check.
     */
    private final class OpenStream implements DashboardFeed.Listener {
        private final HttpServerResponse r;
        private final Context owner;
        private final Principal who;
        private final String token;
        private SessionRevocations.Listening revoked;
        private int samples; // on the owner only

        OpenStream(HttpServerResponse r, Context owner, Principal who, String token) {
            this.r = r;
            this.owner = owner;
            this.who = who;
            this.token = token;
        }

        void open() {
            if (who != null) {
                // called on any thread: only a cheap test here, the ending runs on the owner
                revoked = identity.revocations().listen(rev -> {
                    if (rev.endsSockets() && rev.covers(who.playerId(), who.sessionId())) {
                        owner.runOnContext(v -> end("session revoked"));
                    }
                });
            }
            feed.listen(this);
            r.closeHandler(v -> stop());
            r.exceptionHandler(e -> stop());
        }

        @Override
        public void sample(long seq, String json) {
            owner.runOnContext(v -> {
                if (r.ended() || r.closed()) {
                    return;
                }
                if (!r.writeQueueFull()) {
                    r.write("id: " + seq + "\ndata: " + json + "\n\n");
                }
                if (who != null && token != null && ++samples % RECHECK_EVERY == 0) {
                    RequestLoop.back(identity.authenticate(token)).onFailure(e -> end("session ended"));
                }
            });
        }

        @Override
        public void closed() {
            owner.runOnContext(v -> end("node stopping"));
        }

        /** Ends the stream with a comment line saying why (ignored by SSE readers; useful with curl). */
        private void end(String why) {
            stop();
            if (!r.ended() && !r.closed()) {
                r.end(": " + why + "\n\n");
            }
        }

        private void stop() {
            feed.unlisten(this);
            if (revoked != null) {
                revoked.stop();
            }
        }
    }
}
