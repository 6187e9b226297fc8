package dev.arena.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arena.common.ArenaException;
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
    /** Games of other nodes (a cluster); null on a single node. */
    private final RemoteGames remote;

    GamesApi(MatchDirectory games, RemoteGames remote) {
        this.games = games;
        this.remote = remote;
    }

    /** The wire form of a game; {@code join_code} only in the creator's 201. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GameBody(MatchId gameId, String mode, MatchStatus status, @JsonProperty("private") boolean privateGame,
                    int maxPlayers, String ownerNode, PlayerId createdBy, long tick, int tickRate,
                    List<MatchView.PlayerView> players, int spectators, PublicState state, MatchResult result,
                    String joinCode) {

        static GameBody of(MatchDirectory.Game g, boolean withCode) {
            MatchView v = g.view();
            return new GameBody(g.id(), g.mode(), v.status(), g.privateGame(), g.maxPlayers(), g.ownerNode(),
                    g.creator(), v.tick(), v.tickRate(), v.players(), v.spectators(), v.state(), v.result(),
                    withCode ? g.joinCode() : null);
        }
    }

    /** {@code games}: {@link GameBody}s, and other nodes' games as the JSON they sent. */
    record GameList(List<?> games) {}

    void mount(Router router, Authenticator auth) {
        router.post("/games/create").handler(auth).handler(this::create);
        router.get("/games").handler(auth).handler(this::list);
        router.post("/games/:game_id/join").handler(auth).handler(this::join);
        router.post("/games/:game_id/leave").handler(auth).handler(this::leave);
        router.get("/games/:game_id/state").handler(auth).handler(this::state);
    }

    private void create(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("mode", "max_players", "private", "settings");
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
        Handlers.respond(ctx, 201, games.create(request, Boolean.TRUE.equals(priv), me(ctx))
                .map(g -> GameBody.of(g, true)));
    }

    private void join(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        RequestBody body = RequestBody.of(ctx).only("join_code");
        String code = body.optionalString("join_code", 1, 32, null, null).orElse(null);
        body.validate();
        if (remote(id)) {
            Handlers.respond(ctx, 200, remote.join(id, me(ctx), code));
            return;
        }
        Handlers.respond(ctx, 200, games.join(id, me(ctx), code).map(g -> GameBody.of(g, false)));
    }

    private void leave(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        if (remote(id)) {
            Handlers.respond(ctx, 200, remote.leave(id, me(ctx)));
            return;
        }
        Handlers.respond(ctx, 200, games.leave(id, me(ctx)).map(g -> GameBody.of(g, false)));
    }

    private void state(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        if (remote(id)) {
            Handlers.respond(ctx, 200, remote.state(id, me(ctx)));
            return;
        }
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
        if (remote == null) {
            Handlers.respond(ctx, 200, Future.succeededFuture(new GameList(out)));
            return;
        }
        Handlers.respond(ctx, 200, remote.list(mode, status).map(others -> {
            List<Object> all = new java.util.ArrayList<>(out);
            all.addAll(others);
            return new GameList(all);
        }));
    }

    /** Whether another node runs the game (only in a cluster, for a game this node does not know). */
    private boolean remote(MatchId id) {
        return remote != null && !games.has(id);
    }

    private static PlayerId me(RoutingContext ctx) {
        return new PlayerId(Handlers.principal(ctx).playerId());
    }

    private static MatchId gameId(RoutingContext ctx) {
        return new MatchId(Handlers.uuidParam(ctx, "game_id"));
    }
}
