package dev.arena.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arena.common.ArenaException;
import dev.arena.lobby.Lobby;
import dev.arena.match.MatchDirectory;
import dev.arena.match.MatchId;
import dev.arena.match.MatchRegistry;
import dev.arena.match.MatchResult;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;
import dev.arena.match.PlayerId;
import dev.arena.match.PublicState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /games/*}: the lifecycle of this node's matches (in memory; see docs/MATCHES.md). Every route is authenticated. */
final class GamesApi {
    private final MatchDirectory games;

    GamesApi(MatchDirectory games) {
        this.games = games;
    }

    /**
     * The wire form of a game; {@code join_code} only in the creator's 201; {@code host} for lobby games,
     * {@code region} when given at creation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GameBody(MatchId gameId, String mode, MatchStatus status, @JsonProperty("private") boolean privateGame,
                    int maxPlayers, String ownerNode, PlayerId createdBy, long tick, int tickRate,
                    List<MatchView.PlayerView> players, int spectators, PublicState state, MatchResult result,
                    String joinCode, PlayerId host, String region) {

        static GameBody of(MatchDirectory.Game g, boolean withCode) {
            MatchView v = g.view();
            return new GameBody(g.id(), g.mode(), v.status(), g.privateGame(), g.maxPlayers(), g.ownerNode(),
                    g.creator(), v.tick(), v.tickRate(), v.players(), v.spectators(), v.state(), v.result(),
                    withCode ? g.joinCode() : null, v.host(), g.region());
        }
    }

    record GameList(List<GameBody> games) {}

    void mount(Router router, Authenticator auth) {
        router.post("/games/create").handler(auth).handler(this::create);
        router.get("/games").handler(auth).handler(this::list);
        router.post("/games/:game_id/join").handler(auth).handler(this::join);
        router.post("/games/:game_id/leave").handler(auth).handler(this::leave);
        router.get("/games/:game_id/state").handler(auth).handler(this::state);
    }

    private void create(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("mode", "max_players", "private", "settings", "region");
        String region = body.optionalString("region", 1, 32, Lobby.REGION, Lobby.REGION_RULE).orElse(null);
        String mode = body.string("mode", 1, 32, null, null);
        if (mode != null && games.registry().games().find(mode).isEmpty()) {
            body.error("mode", "unknown game mode; one of "
                    + games.registry().games().games().stream().map(i -> i.mode()).toList());
        }
        JsonObject json = body.json();
        Object max = json.getValue("max_players");
        if (json.containsKey("max_players") && !(max instanceof Integer)) {
            body.error("max_players", "must be an integer");
        }
        Object priv = json.getValue("private");
        if (json.containsKey("private") && !(priv instanceof Boolean)) {
            body.error("private", "must be a boolean");
        }
        Object settings = json.getValue("settings");
        if (settings != null && !(settings instanceof JsonObject)) {
            body.error("settings", "must be a JSON object");
        }
        body.validate();
        Map<String, Object> raw = settings == null ? Map.of() : ((JsonObject) settings).getMap();
        var request = new MatchRegistry.Create(mode, (Integer) max, raw);
        Handlers.respond(ctx, 201, games.create(request, Boolean.TRUE.equals(priv), region, me(ctx))
                .map(g -> GameBody.of(g, true)));
    }

    private void join(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        RequestBody body = RequestBody.of(ctx).only("join_code");
        String code = body.optionalString("join_code", 1, 32, null, null).orElse(null);
        body.validate();
        Handlers.respond(ctx, 200, games.join(id, me(ctx), code).map(g -> GameBody.of(g, false)));
    }

    private void leave(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        Handlers.respond(ctx, 200, games.leave(id, me(ctx)).map(g -> GameBody.of(g, false)));
    }

    private void state(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        Handlers.respond(ctx, 200, Future.succeededFuture(GameBody.of(games.state(id, me(ctx)), false)));
    }

    private void list(RoutingContext ctx) {
        String mode = ctx.queryParams().get("mode");
        String rawStatus = ctx.queryParams().get("status");
        if (mode != null && games.registry().games().find(mode).isEmpty()) {
            throw new ArenaException.Invalid("mode", "unknown game mode");
        }
        MatchStatus status = null;
        if (rawStatus != null) {
            try {
                status = MatchStatus.valueOf(rawStatus.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ArenaException.Invalid("status", "must be one of waiting, running, finished");
            }
        }
        List<GameBody> out = games.list(mode, status).stream().map(g -> GameBody.of(g, false)).toList();
        Handlers.respond(ctx, 200, Future.succeededFuture(new GameList(out)));
    }

    private static PlayerId me(RoutingContext ctx) {
        return new PlayerId(Handlers.principal(ctx).playerId());
    }

    private static MatchId gameId(RoutingContext ctx) {
        return new MatchId(Handlers.uuidParam(ctx, "game_id"));
    }
}
