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
import dev.arena.match.Replay;
import dev.arena.match.StoredLog;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStore;
import dev.arena.results.StoredMatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /games/*}: the lifecycle of matches (see docs/MATCHES.md). Running and recently finished games come from the
 * node's {@link MatchDirectory}; older finished ones, and every replay, from the stored results. Every route is
 * authenticated.
 */
final class GamesApi {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GamesApi.class);
    private final MatchDirectory games;
    private final ResultStore results;
    /** Games of other nodes (none on a single node: its bus has no peers). */
    private final RemoteGames remote;

    GamesApi(MatchDirectory games, ResultStore results, RemoteGames remote) {
        this.games = games;
        this.results = results;
        this.remote = remote;
    }

    /**
     * The wire form of a game; {@code join_code} only in the creator's 201; {@code host} for lobby games,
     * {@code region} when given at creation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GameBody(MatchId gameId, String mode, MatchStatus status, @JsonProperty("private") Boolean privateGame,
                    int maxPlayers, String ownerNode, PlayerId createdBy, long tick, int tickRate,
                    List<MatchView.PlayerView> players, int spectators, PublicState state, MatchResult result,
                    String joinCode, PlayerId host, String region) {

        static GameBody of(MatchDirectory.Game g, boolean withCode) {
            MatchView v = g.view();
            return new GameBody(g.id(), g.mode(), v.status(), g.privateGame(), g.maxPlayers(), g.ownerNode(),
                    g.creator(), v.tick(), v.tickRate(), v.players(), v.spectators(), v.state(), v.result(),
                    withCode ? g.joinCode() : null, v.host(), g.region());
        }

        /** A finished game read back from storage: no live state, players from the standings. */
        /**
         * A finished game read back from storage: no live state, the players who took a seat; {@code private} is
         * null (storage does not keep it).
         */
        static GameBody stored(StoredMatch m) {
            FinishedMatch f = m.match();
            List<MatchView.PlayerView> players = m.participants().stream()
                    .map(p -> new MatchView.PlayerView(p, false, null)).toList();
            return new GameBody(f.id(), f.mode(), MatchStatus.FINISHED, null, players.size(), m.ownerNode(), null,
                    m.finalTick(), m.tickRate(), players, 0, null, f.result(), null, null, null);
        }
    }

    /** {@code GET /games/{id}/replay}: everything needed to replay the match through its rules. */
    record ReplayBody(MatchId gameId, String mode, String ownerNode, boolean relayed, PlayerId reportedBy,
                      java.time.Instant finishedAt, MatchResult result, StoredLog log) {}

    /** {@code games}: {@link GameBody}s, and other nodes' games as the JSON they sent. */
    record GameList(List<?> games) {}

    void mount(Router router, Authenticator auth) {
        router.post("/games/create").handler(auth).handler(this::create);
        router.get("/games").handler(auth).handler(this::list);
        router.post("/games/:game_id/join").handler(auth).handler(this::join);
        router.post("/games/:game_id/leave").handler(auth).handler(this::leave);
        router.get("/games/:game_id/state").handler(auth).handler(this::state);
        router.get("/games/:game_id/replay").handler(auth).handler(this::replay);
        router.post("/games/:game_id/finish").handler(auth).handler(this::finish);
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
        if (games.known(id)) {
            Handlers.respond(ctx, 200, Future.succeededFuture(GameBody.of(games.state(id, me(ctx)), false)));
        } else { // another node's, else stored
            Handlers.respond(ctx, 200, remote.state(id, me(ctx)).<Object>map(r -> r).recover(e ->
                    e instanceof ArenaException.NotFound ? visible(ctx, id, results.summary(id)).map(GameBody::stored)
                            : Future.failedFuture(e)));
        }
    }

    /** {@code 202}: the match has ended with the reported result; ratings and stats follow in the background. */
    record Finished(MatchId gameId, MatchStatus status, MatchResult result) {}

    private void finish(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        RequestBody body = RequestBody.of(ctx).only("result");
        Object raw = body.json().getValue("result");
        if (!(raw instanceof JsonObject)) {
            body.error("result", "must be an object: {winner}, {draw: true} or {standings: [...]}");
        }
        body.validate();
        if (remote(id)) {
            Handlers.respond(ctx, 202, remote.finish(id, me(ctx), (JsonObject) raw));
        } else {
            Handlers.respond(ctx, 202, report(games, id, me(ctx), (JsonObject) raw));
        }
    }

    /** Parses the reported result against the game's seats and reports it (also for other nodes' requests). */
    static Future<Finished> report(MatchDirectory games, MatchId id, PlayerId me, JsonObject raw) {
        List<PlayerId> seated = games.require(id).view().players().stream().map(MatchView.PlayerView::player).toList();
        MatchResult result = ReportedResult.parse(raw, seated);
        return games.report(id, me, result).map(r -> new Finished(id, MatchStatus.FINISHED, r));
    }

    private void replay(RoutingContext ctx) {
        MatchId id = gameId(ctx);
        if (games.live(id).isPresent()) {
            throw new ArenaException.Conflict("game " + id + " is still running; its replay exists once it ends");
        }
        // not stored yet, and another node runs it: the same 409
        Future<Optional<StoredMatch>> stored = results.replay(id).compose(found -> found.isPresent() ? Future.succeededFuture(found)
                    : remote.running(id).compose(running -> running
                            ? Future.failedFuture(new ArenaException.Conflict("game " + id
                                    + " is still running; its replay exists once it ends"))
                            : Future.succeededFuture(found)));
        Handlers.respond(ctx, 200, visible(ctx, id, stored)
                .compose(m -> ctx.vertx().executeBlocking(() -> withEvents(m), false))
                .map(m -> new ReplayBody(id, m.match().mode(), m.ownerNode(), m.relayed(), m.reportedBy(),
                        m.match().finishedAt(), m.match().result(), m.log())));
    }

    /**
     * The stored log holds the actions only; the game's events are regenerated by running the rules (on a worker:
     * a long match takes a while). A log the current rules cannot replay (the game changed incompatibly) is served
     * as stored.
     */
    private StoredMatch withEvents(StoredMatch m) {
        var game = games.registry().games().find(m.match().mode());
        if (game.isEmpty()) {
            return m;
        }
        try {
            StoredLog full = Replay.withEvents(game.get(), m.log());
            return new StoredMatch(m.match(), m.finalTick(), m.tickRate(), m.ownerNode(), m.relayed(), m.reportedBy(),
                    m.participants(), full);
        } catch (RuntimeException e) {
            log.warn("game {}: its log does not replay with the current rules ({}); served without events",
                    m.match().id(), e.toString());
            return m;
        }
    }

    /**
     * A stored game, shown to its players and to moderators and admins: storage does not keep whether a game was
     * private, so it is treated as if it were.
     */
    private static Future<StoredMatch> visible(RoutingContext ctx, MatchId id, Future<Optional<StoredMatch>> read) {
        Principal me = Handlers.principal(ctx);
        return read.map(found -> {
            StoredMatch m = found.orElseThrow(() -> new ArenaException.NotFound("no game " + id));
            if (!m.tookPart(new PlayerId(me.playerId())) && !me.role().atLeast(Role.MODERATOR)) {
                throw new ArenaException.Forbidden("only the players of game " + id + " may read it");
            }
            return m;
        });
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
        Handlers.respond(ctx, 200, remote.list(mode, status).map(others -> {
            List<Object> all = new java.util.ArrayList<>(out);
            all.addAll(others);
            return new GameList(all);
        }));
    }

    /** Whether another node may run the game (this node does not know it). */
    private boolean remote(MatchId id) {
        return remote.elsewhere(games, id);
    }

    private static PlayerId me(RoutingContext ctx) {
        return new PlayerId(Handlers.principal(ctx).playerId());
    }

    private static MatchId gameId(RoutingContext ctx) {
        return new MatchId(Handlers.uuidParam(ctx, "game_id"));
    }
}
