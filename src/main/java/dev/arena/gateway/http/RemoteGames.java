package dev.arena.gateway.http;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.arena.common.Json;
import dev.arena.common.ArenaException;
import dev.arena.lobby.ClusterLobby;
import dev.arena.lobby.Lobby;
import dev.arena.match.MatchDirectory;
import dev.arena.match.MatchId;
import dev.arena.match.MatchStatus;
import dev.arena.match.PlayerId;
import dev.arena.cluster.NodeBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /games/*} for games another node runs (a cluster; docs/CLUSTERING.md, "Match routing"): the command goes
 * to the owner, which runs it on its {@link MatchDirectory} and answers with the game's JSON; its errors come back
 * as the same exceptions, so the HTTP answer is the same on every node. Listings gather every live node's games.
 */
public final class RemoteGames {
    private static final Logger log = LoggerFactory.getLogger(RemoteGames.class);

    private final NodeBus bus;
    private final ClusterLobby lobbies;

    /** Also answers the other nodes' requests for this node's games. */
    public RemoteGames(NodeBus bus, MatchDirectory games, Lobby lobby) {
        this.bus = bus;
        this.lobbies = new ClusterLobby(bus, lobby);
        bus.serve("http.state", raw -> {
            JsonObject b = new JsonObject(raw);
            return Future.succeededFuture(body(games.state(game(b), player(b))));
        });
        bus.serve("http.join", raw -> {
            JsonObject b = new JsonObject(raw);
            return games.join(game(b), player(b), b.getString("join_code")).map(RemoteGames::body);
        });
        bus.serve("http.leave", raw -> {
            JsonObject b = new JsonObject(raw);
            return games.leave(game(b), player(b)).map(RemoteGames::body);
        });
        bus.serve("http.ready", raw -> {
            JsonObject b = new JsonObject(raw);
            return lobby.ready(game(b), player(b), b.getBoolean("ready")).map(RemoteGames::body);
        });
        bus.serve("http.start", raw -> {
            JsonObject b = new JsonObject(raw);
            return lobby.start(game(b), player(b), b.getBoolean("force")).map(RemoteGames::body);
        });
        bus.serve("http.kick", raw -> {
            JsonObject b = new JsonObject(raw);
            return lobby.kick(game(b), player(b), new PlayerId(UUID.fromString(b.getString("target"))))
                    .map(RemoteGames::body);
        });
        bus.serve("http.finish", raw -> {
            JsonObject b = new JsonObject(raw);
            return GamesApi.report(games, game(b), player(b), b.getJsonObject("result")).map(Json::encodeToString);
        });
        bus.serve("http.list", raw -> {
            JsonObject b = new JsonObject(raw);
            String status = b.getString("status");
            return Future.succeededFuture(Json.encodeToString(games.list(b.getString("mode"),
                    status == null ? null : MatchStatus.valueOf(status)).stream()
                    .map(g -> GamesApi.GameBody.of(g, false)).toList()));
        });
    }

    private static String body(MatchDirectory.Game g) {
        return Json.encodeToString(GamesApi.GameBody.of(g, false));
    }

    Future<RawValue> state(MatchId id, PlayerId me) {
        return forward("http.state", id, me, new JsonObject());
    }

    Future<RawValue> join(MatchId id, PlayerId me, String joinCode) {
        return forward("http.join", id, me, new JsonObject().put("join_code", joinCode));
    }

    /** The lobby of every live node (the lobby feed's cluster wiring). */
    public ClusterLobby lobbies() {
        return lobbies;
    }

    /** {@code GET /lobby/games} over every live node's open games. */
    Future<Lobby.Page> lobby(Lobby.Query q) {
        return lobbies.list(q);
    }

    /**
     * Joins the game of another node whose code this is (upper case): the code's game from the cluster's codes,
     * then joined through its owner with the code; 404 as on a single node when no live game has it.
     */
    Future<RawValue> joinByCode(MatchDirectory games, String code, PlayerId me) {
        return games.joinCodes().find(code).compose(id -> id.isEmpty() ? Future.failedFuture(noCode())
                : join(id.get(), me, code).recover(e -> Future.failedFuture(
                        e instanceof ArenaException.NotFound ? noCode() : e)));
    }

    private static ArenaException noCode() {
        return new ArenaException.NotFound("no game has that join code");
    }

    Future<RawValue> leave(MatchId id, PlayerId me) {
        return forward("http.leave", id, me, new JsonObject());
    }

    Future<RawValue> finish(MatchId id, PlayerId me, JsonObject result) {
        return forward("http.finish", id, me, new JsonObject().put("result", result));
    }

    /** Whether a live node owns the game (it is running, or finished there moments ago). */
    Future<Boolean> running(MatchId id) {
        return bus.owner(id).map(owner -> true).otherwise(false);
    }

    /** Whether another node may run the game (this node does not know it). */
    boolean elsewhere(MatchDirectory games, MatchId id) {
        return !games.known(id);
    }

    Future<RawValue> ready(MatchId id, PlayerId me, boolean ready) {
        return forward("http.ready", id, me, new JsonObject().put("ready", ready));
    }

    Future<RawValue> start(MatchId id, PlayerId me, boolean force) {
        return forward("http.start", id, me, new JsonObject().put("force", force));
    }

    Future<RawValue> kick(MatchId id, PlayerId me, PlayerId target) {
        return forward("http.kick", id, me, new JsonObject().put("target", target.value().toString()));
    }

    private Future<RawValue> forward(String kind, MatchId id, PlayerId me, JsonObject body) {
        body.put("game", id.value().toString()).put("player", me.value().toString());
        return bus.owner(id).compose(owner -> bus.request(owner, kind, body.encode())).map(RawValue::new);
    }

    /** The public games of every other live node; a node that does not answer is left out (and logged). */
    Future<List<RawValue>> list(String mode, MatchStatus status) {
        String body = new JsonObject().put("mode", mode).put("status", status == null ? null : status.name()).encode();
        return bus.peers().compose(peers -> {
            List<Future<List<RawValue>>> answers = new ArrayList<>();
            for (String peer : peers) {
                answers.add(bus.request(peer, "http.list", body).map(RemoteGames::elements).otherwise(e -> {
                    log.warn("game listing: node {} did not answer ({}); its games are left out", peer, e.toString());
                    return List.of();
                }));
            }
            return Future.all(answers).map(all -> answers.stream().flatMap(f -> f.result().stream()).toList());
        });
    }

    private static List<RawValue> elements(String array) {
        List<RawValue> out = new ArrayList<>();
        for (Object o : new JsonArray(array)) {
            out.add(new RawValue(((JsonObject) o).encode()));
        }
        return out;
    }

    private static MatchId game(JsonObject b) {
        return new MatchId(UUID.fromString(b.getString("game")));
    }

    private static PlayerId player(JsonObject b) {
        return new PlayerId(UUID.fromString(b.getString("player")));
    }
}
