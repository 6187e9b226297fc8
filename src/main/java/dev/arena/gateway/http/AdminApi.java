package dev.arena.gateway.http;

import dev.arena.chat.ChatModeration;
import dev.arena.chat.MuteOrder;
import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.console.Audit;
import dev.arena.console.ConsoleStore;
import dev.arena.identity.IdentityService;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.chat.ModerationStatus;
import dev.arena.player.PlayerService;
import dev.arena.player.PlayerStats;
import dev.arena.player.RecentMatch;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The admin console's player and audit routes ({@code /admin/players...}, {@code /admin/audit}). Reading needs the
 * {@code viewer} role; chat bans and mutes need {@code moderator}; role changes, sign-out-everywhere, exports and deletions need
 * {@code admin}.
 * The role is checked before the input, and every action names a reason and is written to the audit log.
 */
final class AdminApi {
    static final int DEFAULT_PAGE = 25;
    static final int MAX_PAGE = 100;
    private static final Pattern ROLE = Pattern.compile("player|viewer|moderator|admin|ingest");

    private final ConsoleStore store;
    private final IdentityService identity;
    private final PlayerService players;
    private final ChatModeration moderation;
    private final Audit audit;

    AdminApi(ConsoleStore store, PlayerService players, ChatModeration moderation, Audit audit,
             IdentityService identity) {
        this.identity = identity;
        this.store = store;
        this.players = players;
        this.moderation = moderation;
        this.audit = audit;
    }

    void mount(Router router, Authenticator auth) {
        router.get("/admin/players").handler(auth).handler(this::search);
        router.get("/admin/players/:id").handler(auth).handler(this::player);
        router.put("/admin/players/:id/role").handler(auth).handler(this::role);
        router.post("/admin/players/:id/chat-ban").handler(auth).handler(this::ban);
        router.post("/admin/players/:id/chat-unban").handler(auth).handler(this::unban);
        router.post("/admin/players/:id/chat-mute").handler(auth).handler(this::mute);
        router.post("/admin/players/:id/revoke-sessions").handler(auth).handler(this::revokeSessions);
        router.get("/admin/players/:id/export").handler(auth).handler(this::export);
        router.delete("/admin/players/:id").handler(auth).handler(this::delete);
        router.get("/admin/audit").handler(auth).handler(this::auditLog);
    }

    /** The caller, who must hold at least {@code role}: checked before anything else is read. */
    static Principal staff(RoutingContext ctx, Role role) {
        Principal me = Handlers.principal(ctx);
        me.require(role);
        return me;
    }

    /** {@code limit} (1..100, default 25) from the query. */
    static int limit(RoutingContext ctx, List<FieldError> errors) {
        Long limit = Handlers.wholeParam(ctx, "limit", errors);
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_PAGE));
        }
        return limit == null ? DEFAULT_PAGE : limit.intValue();
    }

    /** An optional single query parameter of at most {@code max} characters. */
    static String text(RoutingContext ctx, String name, int max, List<FieldError> errors) {
        List<String> v = ctx.queryParam(name);
        if (v.size() > 1) {
            errors.add(new FieldError(name, "give it at most once"));
            return null;
        }
        if (!v.isEmpty() && v.getFirst().length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
            return null;
        }
        return v.isEmpty() ? null : v.getFirst();
    }

    /** The body's required {@code reason}: every action says why. */
    static String reason(RequestBody body) {
        return body.string("reason", 1, MuteOrder.MAX_REASON, null, null);
    }

    /** The reason of a body that holds nothing else (most actions), validated. */
    static String onlyReason(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("reason");
        String reason = reason(body);
        body.validate();
        return reason;
    }

    private void search(RoutingContext ctx) {
        staff(ctx, Role.VIEWER);
        List<FieldError> errors = new ArrayList<>();
        int limit = limit(ctx, errors);
        String q = text(ctx, "q", 64, errors);
        String after = text(ctx, "after", 64, errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        Handlers.respond(ctx, 200, store.players(q, after, limit));
    }

    private void player(RoutingContext ctx) {
        staff(ctx, Role.VIEWER);
        UUID id = Handlers.uuidParam(ctx, "id");
        var row = store.player(id).map(p -> p.orElseThrow(() -> new ArenaException.NotFound("no player with id " + id)));
        var profile = row.compose(p -> players.profile(id));
        var sessions = store.sessions(id, 20);
        var ratings = store.ratings(id);
        var chat = moderation.status(Handlers.principal(ctx), id);
        Handlers.respond(ctx, 200, Future.all(row, profile, sessions, ratings).compose(v -> chat.otherwiseEmpty())
                .map(status -> new PlayerDetail(row.result(), profile.result().stats(),
                        profile.result().recentGames(), sessions.result(), ratings.result(), status)));
    }

    /** {@code chat}: the ban and mutes in force; null when the caller may not see them (a viewer). */
    record PlayerDetail(ConsoleStore.PlayerRow player, PlayerStats stats, List<RecentMatch> recentGames,
                        List<ConsoleStore.SessionRow> sessions, List<ConsoleStore.RatingRow> ratings,
                        ModerationStatus chat) {}

    private void role(RoutingContext ctx) {
        Principal me = staff(ctx, Role.ADMIN);
        UUID id = Handlers.uuidParam(ctx, "id");
        RequestBody body = RequestBody.of(ctx).only("role", "reason");
        String role = body.string("role", 1, 16, ROLE, "must be one of player, viewer, moderator, admin, ingest");
        String reason = reason(body);
        body.validate();
        if (id.equals(me.playerId())) {
            throw new ArenaException.Conflict("an admin cannot change their own role (ask another admin)");
        }
        Role r = Role.fromWire(role.toLowerCase(Locale.ROOT));
        Handlers.respond(ctx, 200, audit.run(me, "player.role", id.toString(), reason, Map.of("role", r.wire()),
                () -> players.setRole(id, r)));
    }

    private void ban(RoutingContext ctx) {
        Principal me = staff(ctx, Role.MODERATOR);
        UUID id = Handlers.uuidParam(ctx, "id");
        String reason = onlyReason(ctx);
        Handlers.respond(ctx, 201, audit.run(me, "chat.ban", id.toString(), reason, Map.of(),
                () -> moderation.ban(me, id, reason)));
    }

    private void unban(RoutingContext ctx) {
        Principal me = staff(ctx, Role.MODERATOR);
        UUID id = Handlers.uuidParam(ctx, "id");
        String reason = onlyReason(ctx);
        Handlers.noContent(ctx, audit.run(me, "chat.unban", id.toString(), reason, Map.of(),
                () -> moderation.unban(me, id)));
    }

    private void mute(RoutingContext ctx) {
        Principal me = staff(ctx, Role.MODERATOR);
        UUID id = Handlers.uuidParam(ctx, "id");
        RequestBody body = RequestBody.of(ctx).only("room", "duration_seconds", "reason");
        String room = body.optionalString("room", 1, 80, ChatApi.ROOM, ChatApi.ROOM_RULE).orElse(null);
        Long seconds = ChatApi.integer(body, "duration_seconds", 1, MuteOrder.MAX_DURATION.toSeconds());
        String reason = reason(body);
        body.validate();
        MuteOrder order = new MuteOrder(id, room, Duration.ofSeconds(seconds), reason);
        Handlers.respond(ctx, 201, audit.run(me, "chat.mute", id.toString(), reason,
                room == null ? Map.of("seconds", seconds) : Map.of("seconds", seconds, "room", room),
                () -> moderation.mute(me, order)));
    }

    /** Sign out everywhere: every session of the player ends on every node, and their sockets close (4002). */
    private void revokeSessions(RoutingContext ctx) {
        Principal me = staff(ctx, Role.ADMIN);
        UUID id = Handlers.uuidParam(ctx, "id");
        String reason = onlyReason(ctx);
        Handlers.noContent(ctx, audit.run(me, "player.revoke_sessions", id.toString(), reason, Map.of(),
                () -> identity.revokeAllOf(id)));
    }

    private void export(RoutingContext ctx) {
        Principal me = staff(ctx, Role.ADMIN);
        UUID id = Handlers.uuidParam(ctx, "id");
        // reading someone's personal data is itself an action to answer for
        RequestLoop.back(audit.run(me, "player.export", id.toString(), "personal data export", Map.of(),
                        () -> store.export(id)))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                    } else {
                        ctx.response().putHeader("Content-Type", "application/json")
                                .putHeader("Content-Disposition", "attachment; filename=\"player-" + id + ".json\"")
                                .end(ar.result().encodePrettily());
                    }
                });
    }

    private void delete(RoutingContext ctx) {
        Principal me = staff(ctx, Role.ADMIN);
        UUID id = Handlers.uuidParam(ctx, "id");
        String reason = onlyReason(ctx);
        if (id.equals(me.playerId())) {
            throw new ArenaException.Conflict("an admin cannot delete their own account from the console");
        }
        Handlers.noContent(ctx, audit.run(me, "player.delete", id.toString(), reason, Map.of(),
                () -> store.delete(id).compose(found -> {
                    if (!found) {
                        throw new ArenaException.NotFound("no player with id " + id);
                    }
                    // cached sessions and open sockets end on every node, as after "sign out everywhere"
                    // and its profile is forgotten by every node's profile cache
                    return identity.revokeAll(id).compose(v -> players.profileChanged(id)).map(found);
                })));
    }

    private void auditLog(RoutingContext ctx) {
        staff(ctx, Role.VIEWER);
        List<FieldError> errors = new ArrayList<>();
        int limit = limit(ctx, errors);
        String q = text(ctx, "q", 100, errors);
        Long before = Handlers.wholeParam(ctx, "before", errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        Handlers.respond(ctx, 200, store.auditLog(q, before, limit));
    }
}
