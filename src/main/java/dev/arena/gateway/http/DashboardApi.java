package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
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

    private final DashboardFeed feed;
    private final PlayerStatistics statistics;
    private final boolean open;

    DashboardApi(DashboardFeed feed, PlayerStatistics statistics, boolean open) {
        this.feed = feed;
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
        Context owner = Vertx.currentContext();
        DashboardFeed.Listener listener = new DashboardFeed.Listener() {
            @Override
            public void sample(long seq, String json) {
                owner.runOnContext(v -> {
                    if (!r.ended() && !r.closed() && !r.writeQueueFull()) {
                        r.write("id: " + seq + "\ndata: " + json + "\n\n");
                    }
                });
            }

            @Override
            public void closed() {
                owner.runOnContext(v -> {
                    if (!r.ended() && !r.closed()) {
                        r.end();
                    }
                });
            }
        };
        feed.listen(listener);
        r.closeHandler(v -> feed.unlisten(listener));
        r.exceptionHandler(e -> feed.unlisten(listener));
    }
}
