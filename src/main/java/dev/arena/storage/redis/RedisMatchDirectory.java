package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide game directory: {@code arena:game:<id>} (a hash: owner, mode, private, max_players, status)
 * for every game a node runs, kept alive by its owner while the match runs and for {@link #FINISHED_KEPT} after it
 * ended; {@code arena:node:<node>:games} (a sorted set, scored by when each entry expires) lists a node's
 * entries, so they can be removed together when the node stops or dies. Writes are best effort: a failed one is
 * logged and repaired by the next refresh.
 */
final class RedisMatchDirectory {
    private static final Logger log = LoggerFactory.getLogger(RedisMatchDirectory.class);
    /** How long a finished game stays reachable from other nodes (its owner keeps the last 1024 snapshots). */
    static final Duration FINISHED_KEPT = Duration.ofHours(1);

    private final Redis client;
    private final String node;
    private final Duration ttl;
    private final Clock clock;
    private final Map<MatchId, MatchLoop<?, ?, ?>> running = new ConcurrentHashMap<>();
    /** The listing facts of the running games, to write their entries back when Redis lost its data. */
    private final Map<MatchId, HostedMatches.HostedMatch> hosted = new ConcurrentHashMap<>();
    /** Join codes of the running private games, kept alive with their entries ({@link RedisJoinCodes}). */
    private final Map<MatchId, String> codes = new ConcurrentHashMap<>();

    RedisMatchDirectory(Redis client, String node, Duration ttl, Clock clock) {
        this.client = client;
        this.node = node;
        this.ttl = ttl;
        this.clock = clock;
    }

    static String gameKey(MatchId id) {
        return "arena:game:" + id.value();
    }

    static String nodeMatchesKey(String node) {
        return "arena:node:" + node + ":games";
    }

    /** A running game's entry outlives three missed refreshes (one refresh every TTL/3). */
    private long liveMillis() {
        return ttl.toMillis() * 3;
    }

    void track(HostedMatches.HostedMatch game, MatchLoop<?, ?, ?> loop) {
        running.put(game.id(), loop);
        hosted.put(game.id(), game);
        if (game.joinCode() != null) {
            codes.put(game.id(), game.joinCode());
        }
        write(game.id(), liveMillis(), entry(game, loop));
        loop.ended().onComplete(ar -> {
            running.remove(game.id());
            hosted.remove(game.id());
            codes.remove(game.id());
            write(game.id(), FINISHED_KEPT.toMillis(), "status", "finished");
        });
    }

    private String[] entry(HostedMatches.HostedMatch game, MatchLoop<?, ?, ?> loop) {
        return new String[] {"owner", node, "mode", game.mode(), "private", game.privateGame() ? "1" : "0",
                "max_players", Integer.toString(game.maxPlayers()), "status", status(loop)};
    }

    /**
     * After Redis lost its data: the entries and join codes of the running games written back whole (finished
     * games' entries are not: their results are stored). A code another game claimed meanwhile stays that game's;
     * completes with the codes lost so.
     */
    Future<List<MatchId>> rewrite() {
        List<Request> batch = new ArrayList<>();
        running.forEach((id, loop) -> {
            HostedMatches.HostedMatch game = hosted.get(id);
            if (game != null) {
                batch.addAll(writes(id, liveMillis(), entry(game, loop)));
            }
        });
        List<Map.Entry<MatchId, String>> claimed = List.copyOf(codes.entrySet());
        claimed.forEach(c -> batch.add(Request.cmd(Command.SET).arg(RedisJoinCodes.key(c.getValue()))
                .arg(c.getKey().value().toString()).arg("NX").arg("PX").arg(liveMillis())));
        if (batch.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return client.batch(batch).map(answers -> {
            List<MatchId> taken = new ArrayList<>();
            int first = answers.size() - claimed.size();
            for (int i = 0; i < claimed.size(); i++) {
                if (answers.get(first + i) == null) {
                    taken.add(claimed.get(i).getKey());
                    codes.remove(claimed.get(i).getKey(), claimed.get(i).getValue());
                }
            }
            return taken;
        });
    }

    /** Keeps the entries of the running games alive (and their status current); drops expired index members. */
    Future<Void> refresh() {
        List<Request> batch = new ArrayList<>();
        running.forEach((id, loop) -> batch.addAll(writes(id, liveMillis(), "status", status(loop))));
        codes.forEach((id, code) -> batch.add(Request.cmd(Command.PEXPIRE).arg(RedisJoinCodes.key(code))
                .arg(liveMillis())));
        batch.add(Request.cmd(Command.ZREMRANGEBYSCORE).arg(nodeMatchesKey(node)).arg("-inf").arg(clock.millis()));
        return client.batch(batch).mapEmpty();
    }

    private void write(MatchId id, long ttlMillis, String... fields) {
        client.batch(writes(id, ttlMillis, fields)).onFailure(e -> log.warn(
                "could not record game {} in the cluster directory ({}); the next refresh retries", id, e.toString()));
    }

    private List<Request> writes(MatchId id, long ttlMillis, String... fields) {
        Request hset = Request.cmd(Command.HSET).arg(gameKey(id));
        for (String f : fields) {
            hset.arg(f);
        }
        long kept = Math.max(FINISHED_KEPT.toMillis(), liveMillis());
        return List.of(hset, Request.cmd(Command.PEXPIRE).arg(gameKey(id)).arg(ttlMillis),
                Request.cmd(Command.ZADD).arg(nodeMatchesKey(node)).arg(clock.millis() + ttlMillis).arg(id.value().toString()),
                Request.cmd(Command.PEXPIRE).arg(nodeMatchesKey(node)).arg(kept));
    }

    private static String status(MatchLoop<?, ?, ?> loop) {
        return loop.status().name().toLowerCase(Locale.ROOT);
    }

    /** The live owner of a game other than this node; NotFound otherwise (a dead owner's entries are removed). */
    Future<String> owner(MatchId id) {
        return client.send(Request.cmd(Command.HGET).arg(gameKey(id)).arg("owner")).compose(r -> {
            String owner = r == null ? null : r.toString();
            if (owner == null || owner.equals(node)) { // ours: this node's directory would have it
                return Future.failedFuture(new ArenaException.NotFound("no game " + id));
            }
            return client.send(Request.cmd(Command.EXISTS).arg(ClusterMembership.aliveKey(owner))).compose(alive -> {
                if (alive.toLong() == 1) {
                    return Future.succeededFuture(owner);
                }
                cleanUp(owner);
                return Future.failedFuture(new ArenaException.NotFound("no game " + id));
            });
        });
    }

    /** The other nodes whose heartbeat is alive. */
    Future<List<String>> peers() {
        return client.send(Request.cmd(Command.SMEMBERS).arg(ClusterMembership.NODES)).compose(members -> {
            List<String> others = new ArrayList<>();
            for (Response m : members) {
                if (!m.toString().equals(node)) {
                    others.add(m.toString());
                }
            }
            if (others.isEmpty()) {
                return Future.succeededFuture(List.of());
            }
            List<Request> checks = others.stream()
                    .map(o -> Request.cmd(Command.EXISTS).arg(ClusterMembership.aliveKey(o))).toList();
            return client.batch(checks).map(answers -> {
                List<String> alive = new ArrayList<>();
                for (int i = 0; i < others.size(); i++) {
                    if (answers.get(i).toLong() == 1) {
                        alive.add(others.get(i));
                    }
                }
                return alive;
            });
        });
    }

    /** Removes every entry of {@code owner} (stopped, dead, or an earlier run of this node). */
    Future<Void> cleanUp(String owner) {
        String index = nodeMatchesKey(owner);
        return client.send(Request.cmd(Command.ZRANGE).arg(index).arg(0).arg(-1)).compose(ids -> {
            List<Request> dels = new ArrayList<>();
            for (Response id : ids) {
                dels.add(Request.cmd(Command.DEL).arg("arena:game:" + id));
            }
            dels.add(Request.cmd(Command.DEL).arg(index));
            if (ids.size() > 0) {
                log.info("removed {} game directory entries of node {}", ids.size(), owner);
            }
            return client.batch(dels).<Void>mapEmpty();
        });
    }
}
