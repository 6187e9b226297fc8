package dev.arena.gateway.http;

import dev.arena.common.ArenaException.FieldError;
import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.lobby.ClusterLobby;
import dev.arena.lobby.Lobby;
import dev.arena.lobby.LobbyMatch;
import dev.arena.match.MatchCommands;
import dev.arena.match.MatchId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The lobby over {@code /games}: the list of open games ({@code GET /lobby/games}), joining by code alone, and the
 * ready check and host controls of lobby games (docs/LOBBY.md). The list is a public read ({@link PublicReads}); the
 * rest needs a token.
 */
final class LobbyApi {
    private static final Set<String> LIST_PARAMS = Set.of("mode", "region", "has_space", "limit", "offset");
    private static final int DEFAULT_LIMIT = 50;

    private final Lobby lobby;
    /** The list over every live node (this one alone on a single node). */
    private final ClusterLobby lobbies;
    private final MatchCommands commands;

    LobbyApi(Lobby lobby, ClusterLobby lobbies, MatchCommands commands) {
        this.lobby = lobby;
        this.lobbies = lobbies;
        this.commands = commands;
    }

    /** {@code GET /lobby/games}: one page and the number of matching games. */
    record LobbyPage(List<LobbyMatch> games, int total, int limit, int offset) {}

    void mount(Router router, Authenticator auth) {
        router.get("/lobby/games").handler(auth).handler(this::list);
        router.post("/games/join-by-code").handler(auth).handler(this::joinByCode);
        router.post("/games/:game_id/ready").handler(auth).handler(this::ready);
        router.post("/games/:game_id/start").handler(auth).handler(this::start);
        router.post("/games/:game_id/kick").handler(auth).handler(this::kick);
    }

    private void list(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(ctx, LIST_PARAMS, errors);
        String mode = QueryParams.one(ctx, "mode", errors);
        if (mode != null && lobby.matches().registry().games().find(mode).isEmpty()) {
            errors.add(new FieldError("mode", "unknown game mode"));
        }
        String region = QueryParams.one(ctx, "region", errors);
        if (region != null && !Lobby.REGION.matcher(region).matches()) {
            errors.add(new FieldError("region", Lobby.REGION_RULE));
        }
        String space = QueryParams.one(ctx, "has_space", errors);
        if (space != null && !space.equals("true") && !space.equals("false")) {
            errors.add(new FieldError("has_space", "must be true or false"));
        }
        int limit = QueryParams.whole(ctx, "limit", DEFAULT_LIMIT, 1, Lobby.MAX_LIMIT, errors);
        int offset = QueryParams.whole(ctx, "offset", 0, 0, 1_000_000, errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        Lobby.Query query = new Lobby.Query(mode, region, "true".equals(space), limit, offset);
        Future<Lobby.Page> page = lobbies.list(query);
        Handlers.respond(ctx, 200, page.map(p -> new LobbyPage(p.games(), p.total(), p.limit(), p.offset())));
    }

    private void joinByCode(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("join_code");
        String code = body.string("join_code", 6, 6, Lobby.JOIN_CODE, "must be 6 letters or digits");
        body.validate();
        Handlers.respond(ctx, 200, commands.joinByCode(me(ctx), code).map(MatchBody::of));
    }

    private void ready(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        RequestBody body = RequestBody.of(ctx).only("ready");
        Boolean ready = bool(body, "ready", null);
        body.validate();
        Handlers.respond(ctx, 200, commands.ready(id, me(ctx), ready).map(MatchBody::of));
    }

    private void start(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        RequestBody body = RequestBody.of(ctx).only("force");
        Boolean force = bool(body, "force", false);
        body.validate();
        Handlers.respond(ctx, 200, commands.start(id, me(ctx), force).map(MatchBody::of));
    }

    private void kick(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        RequestBody body = RequestBody.of(ctx).only("player_id");
        String raw = body.string("player_id", 36, 36, null, null);
        PlayerId target = null;
        if (raw != null) {
            try {
                target = new PlayerId(UUID.fromString(raw));
            } catch (IllegalArgumentException e) {
                body.error("player_id", "must be a player id (UUID)");
            }
        }
        body.validate();
        Handlers.respond(ctx, 200, commands.kick(id, me(ctx), target).map(MatchBody::of));
    }

    /** A boolean field: required when {@code fallback} is null; any other JSON type is an error, never coerced. */
    private static Boolean bool(RequestBody body, String field, Boolean fallback) {
        JsonObject json = body.json();
        Object v = json.getValue(field);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null && !json.containsKey(field) && fallback != null) {
            return fallback;
        }
        body.error(field, v == null && !json.containsKey(field) ? "is required" : "must be a boolean");
        return null;
    }

    private static PlayerId me(RoutingContext ctx) {
        return new PlayerId(Handlers.principal(ctx).playerId());
    }

    private static MatchId matchId(RoutingContext ctx) {
        return new MatchId(Handlers.uuidParam(ctx, "game_id"));
    }
}
