package dev.arena.gateway.http;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.identity.Principal;
import dev.arena.lobby.Lobby;
import dev.arena.match.MatchCommands;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchRegistry;
import dev.arena.match.MatchResult;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;
import dev.arena.match.PublicState;
import dev.arena.match.Replay;
import dev.arena.match.ReportedResult;
import dev.arena.match.StoredLog;
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
 * node's {@link HostedMatches}; older finished ones, and every replay, from the stored results. The list, states
 * and replays are public reads ({@link PublicReads}); a visitor is answered as a player with no seat, except that a
 * game hidden from them asks for a token (401) rather than refusing (403): its players may read it once signed in.
 */
final class MatchesApi {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchesApi.class);
    /** Who a visitor is to the game rules: nobody's player (no account has the nil UUID). */
    private static final PlayerId VISITOR = new PlayerId(new java.util.UUID(0, 0));
    private final HostedMatches matches;
    /** Commands on games wherever they run (this node's, or another's on a cluster). */
    private final MatchCommands commands;
    private final ResultStore results;

    MatchesApi(HostedMatches matches, MatchCommands commands, ResultStore results) {
        this.matches = matches;
        this.commands = commands;
        this.results = results;
    }

    /** {@code GET /games/{id}/replay}: everything needed to replay the match through its rules. */
    record ReplayBody(MatchId gameId, String mode, String ownerNode, boolean relayed, PlayerId reportedBy,
                      java.time.Instant finishedAt, MatchResult result, StoredLog log) {}

    /** {@code games}: {@link MatchBody}s, and other nodes' games as the JSON they sent. */
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
        if (mode != null && matches.registry().games().find(mode).isEmpty()) {
            body.error("mode", "unknown game mode; one of "
                    + matches.registry().games().games().stream().map(i -> i.mode()).toList());
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
        Handlers.respond(ctx, 201, matches.create(request, Boolean.TRUE.equals(priv), region, me(ctx))
                .map(g -> MatchBody.of(g, true)));
    }

    private void join(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        RequestBody body = RequestBody.of(ctx).only("join_code");
        String code = body.optionalString("join_code", 1, 32, null, null).orElse(null);
        body.validate();
        Handlers.respond(ctx, 200, commands.join(id, me(ctx), code).map(MatchBody::of));
    }

    private void leave(RoutingContext ctx) {
        Handlers.respond(ctx, 200, commands.leave(matchId(ctx), me(ctx)).map(MatchBody::of));
    }

    /** A live or recently finished game (of any node), else the stored one. */
    private void state(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        Optional<Principal> me = Handlers.visitor(ctx);
        PlayerId viewer = me.map(p -> new PlayerId(p.playerId())).orElse(VISITOR);
        boolean staff = me.map(p -> p.role().mayWatchPrivateGames()).orElse(false);
        Handlers.respond(ctx, 200, commands.state(id, viewer, staff).map(MatchBody::of).recover(e ->
                e instanceof ArenaException.NotFound ? visible(ctx, id, results.summary(id)).map(MatchBody::stored)
                        : Future.failedFuture(me.isEmpty() ? askForToken(e) : e)));
    }

    private void finish(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        RequestBody body = RequestBody.of(ctx).only("result");
        Object raw = body.json().getValue("result");
        if (!(raw instanceof JsonObject)) {
            body.error("result", "must be an object: {winner}, {draw: true} or {standings: [...]}");
        }
        body.validate();
        // 202: the match has ended with the reported result; ratings and stats follow in the background
        Handlers.respond(ctx, 202, commands.finish(id, me(ctx), ((JsonObject) raw).getMap()).map(a -> a.fold(
                r -> new MatchBody.Finished(id, MatchStatus.FINISHED, r), RawValue::new)));
    }

    private void replay(RoutingContext ctx) {
        MatchId id = matchId(ctx);
        if (matches.live(id).isPresent()) {
            throw stillRunning(id);
        }
        // not stored yet, and another node runs it: the same 409
        Future<Optional<StoredMatch>> stored = results.replay(id).compose(found -> found.isPresent() || matches.known(id)
                ? Future.succeededFuture(found)
                : commands.owner(id).map(owner -> true).otherwise(false).compose(running -> running
                        ? Future.failedFuture(stillRunning(id)) : Future.succeededFuture(found)));
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
        var game = matches.registry().games().find(m.match().mode());
        if (game.isEmpty()) {
            return m;
        }
        try {
            StoredLog full = Replay.withEvents(game.get(), m.log());
            return new StoredMatch(m.match(), m.finalTick(), m.tickRate(), m.ownerNode(), m.relayed(), m.reportedBy(),
                    m.participants(), m.friendsOnly(), full);
        } catch (RuntimeException e) {
            log.warn("game {}: its log does not replay with the current rules ({}); served without events",
                    m.match().id(), e.toString());
            return m;
        }
    }

    /**
     * A stored game: a public one to anybody; one shown only to its players (a private game a player made, and
     * every game stored before the flag was) to them and to console accounts ({@code Role.mayWatchPrivateGames}),
     * the rule of {@code HostedMatches.requireVisible} for games in memory.
     */
    private static Future<StoredMatch> visible(RoutingContext ctx, MatchId id, Future<Optional<StoredMatch>> read) {
        Optional<Principal> me = Handlers.visitor(ctx);
        return read.map(found -> {
            StoredMatch m = found.orElseThrow(() -> new ArenaException.NotFound("no game " + id));
            if (!m.friendsOnly()) {
                return m;
            }
            if (me.isEmpty()) {
                throw new ArenaException.Unauthorized("only the players of game " + id + " may read it: sign in");
            }
            if (!m.tookPart(new PlayerId(me.get().playerId())) && !me.get().role().mayWatchPrivateGames()) {
                throw new ArenaException.Forbidden("only the players of game " + id + " may read it");
            }
            return m;
        });
    }

    /** A visitor refused a game is asked to sign in: one of its players may read it. */
    private static Throwable askForToken(Throwable e) {
        return e instanceof ArenaException.Forbidden f ? new ArenaException.Unauthorized(f.getMessage()) : e;
    }

    private void list(RoutingContext ctx) {
        String mode = ctx.queryParams().get("mode");
        String rawStatus = ctx.queryParams().get("status");
        if (mode != null && matches.registry().games().find(mode).isEmpty()) {
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
        String watchable = ctx.queryParams().get("watchable");
        if (watchable != null && !watchable.equals("true") && !watchable.equals("false")) {
            throw new ArenaException.Invalid("watchable", "must be true or false");
        }
        Handlers.respond(ctx, 200, commands.list(mode, status, "true".equals(watchable))
                .map(all -> new GameList(all.stream().map(MatchBody::of).toList())));
    }

    private static ArenaException stillRunning(MatchId id) {
        return new ArenaException.Conflict("game " + id + " is still running; its replay exists once it ends");
    }

    private static PlayerId me(RoutingContext ctx) {
        return new PlayerId(Handlers.principal(ctx).playerId());
    }

    private static MatchId matchId(RoutingContext ctx) {
        return new MatchId(Handlers.uuidParam(ctx, "game_id"));
    }
}
