package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.console.Audit;
import dev.arena.console.ConsoleStore;
import dev.arena.common.PlayerId;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.arena.match.MatchId;
import dev.arena.match.MatchCommands;
import dev.arena.match.MatchOverview;
import dev.arena.matchmaking.TicketId;
import dev.arena.matchmaking.service.TicketView;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.metrics.DashboardFeed;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The admin console's operations routes: live matches of every node (list, open, stop: through
 * {@link MatchCommands}, so another node's match is opened and stopped by its owner), matchmaking queues (cancel a
 * ticket), result jobs (retry now), nodes (from the dashboard feed, so the whole cluster), and chat moderation (a
 * room's recent messages, searchable). Roles as in {@link AdminApi}: viewer reads, moderator moderates, admin
 * retries jobs.
 */
final class AdminOpsApi {
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9:_.-]{1,80}");
    private static final Pattern STEP = Pattern.compile("[a-z_]{1,32}");

    private final MatchCommands commands;
    private final Matchmaking matchmaking;
    private final ConsoleStore store;
    private final DashboardFeed feed;
    private final Audit audit;

    AdminOpsApi(MatchCommands commands, Matchmaking matchmaking, ConsoleStore store,
                DashboardFeed feed, Audit audit) {
        this.commands = commands;
        this.matchmaking = matchmaking;
        this.store = store;
        this.feed = feed;
        this.audit = audit;
    }

    void mount(Router router, Authenticator auth) {
        router.get("/admin/matches").handler(auth).handler(this::matches);
        router.get("/admin/matches/:id").handler(auth).handler(this::match);
        router.post("/admin/matches/:id/stop").handler(auth).handler(this::stop);
        router.get("/admin/matchmaking/:mode").handler(auth).handler(this::queue);
        router.post("/admin/matchmaking/tickets/:id/cancel").handler(auth).handler(this::cancelTicket);
        router.post("/admin/jobs/:step/:game_id/retry").handler(auth).handler(this::retry);
        router.get("/admin/nodes").handler(auth).handler(this::nodes);
        router.get("/admin/chat/:room/messages").handler(auth).handler(this::messages);
    }

    private void matches(RoutingContext ctx) {
        AdminApi.staff(ctx, Role.VIEWER);
        List<FieldError> errors = new ArrayList<>();
        int limit = AdminApi.limit(ctx, errors);
        String mode = AdminApi.text(ctx, "mode", 32, errors);
        String after = AdminApi.text(ctx, "after", 36, errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        // every node's matches: the cluster's are few enough (thousands) to gather, sort and page here
        Handlers.respond(ctx, 200, commands.overview(mode == null || mode.isBlank() ? null : mode).map(all -> {
            List<MatchOverview> page = all.stream().sorted(Comparator.comparing(m -> m.id().toString()))
                    .filter(m -> after == null || m.id().toString().compareTo(after) > 0).limit(limit + 1L).toList();
            String next = page.size() > limit ? page.get(limit - 1).id().toString() : null;
            return new ConsoleStore.Page<>(page.subList(0, Math.min(limit, page.size())), next);
        }));
    }

    /** Opens a live match of any node: this node's own, or the owner's answer passed on as it is. */
    private void match(RoutingContext ctx) {
        Principal me = AdminApi.staff(ctx, Role.VIEWER);
        MatchId id = new MatchId(Handlers.uuidParam(ctx, "id"));
        Handlers.respond(ctx, 200, commands.inspect(id, new PlayerId(me.playerId())).map(a -> a.fold(v -> v, RawValue::new)));
    }

    /** Stops a live match of any node (its owner stops it); the audit entry names the mode and the node. */
    private void stop(RoutingContext ctx) {
        Principal me = AdminApi.staff(ctx, Role.MODERATOR);
        MatchId id = new MatchId(Handlers.uuidParam(ctx, "id"));
        String reason = AdminApi.onlyReason(ctx);
        Handlers.noContent(ctx, audit.run(me, "match.stop", id.toString(), reason,
                stopped -> Map.of("mode", stopped.mode(), "node", stopped.node()), () -> commands.stop(id, reason)));
    }

    private void queue(RoutingContext ctx) {
        AdminApi.staff(ctx, Role.VIEWER);
        Handlers.respond(ctx, 200, matchmaking.waiting(ctx.pathParam("mode"))
                .map(tickets -> Map.of("tickets", tickets.stream().map(TicketView::of).toList())));
    }

    private void cancelTicket(RoutingContext ctx) {
        Principal me = AdminApi.staff(ctx, Role.MODERATOR);
        UUID id = Handlers.uuidParam(ctx, "id");
        String reason = AdminApi.onlyReason(ctx);
        Handlers.respond(ctx, 200, audit.run(me, "ticket.cancel", id.toString(), reason, Map.of(),
                () -> matchmaking.cancelForStaff(new TicketId(id), "cancelled by staff").map(TicketView::of)));
    }

    private void retry(RoutingContext ctx) {
        Principal me = AdminApi.staff(ctx, Role.ADMIN);
        String step = ctx.pathParam("step");
        if (!STEP.matcher(step).matches()) {
            throw new ArenaException.Invalid("step", "must be a result step name (a-z and _)");
        }
        UUID game = Handlers.uuidParam(ctx, "game_id");
        String reason = AdminApi.onlyReason(ctx);
        Handlers.noContent(ctx, audit.run(me, "job.retry", step + ":" + game, reason, Map.of(),
                () -> store.retryJob(step, game).map(found -> {
                    if (!found) {
                        throw new ArenaException.NotFound("no waiting " + step + " job for game " + game);
                    }
                    return found;
                })));
    }

    private void nodes(RoutingContext ctx) {
        AdminApi.staff(ctx, Role.VIEWER);
        String current = feed.current();
        // the feed's latest merged sample already lists every live node: pass its "nodes" through unparsed
        ctx.response().putHeader("Content-Type", "application/json").end(current == null ? "{\"nodes\":[]}"
                : "{\"nodes\":" + new io.vertx.core.json.JsonObject(current).getJsonArray("nodes").encode() + "}");
    }

    private void messages(RoutingContext ctx) {
        AdminApi.staff(ctx, Role.VIEWER);
        String room = ctx.pathParam("room");
        List<FieldError> errors = new ArrayList<>();
        if (!ROOM.matcher(room).matches()) {
            errors.add(new FieldError("room", "must be a room name: 1-80 characters of A-Z a-z 0-9 : _ . -"));
        }
        int limit = AdminApi.limit(ctx, errors);
        String q = AdminApi.text(ctx, "q", 100, errors);
        Long before = Handlers.wholeParam(ctx, "before", errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        Handlers.respond(ctx, 200, store.messages(room, q, before, limit));
    }
}
