package dev.arena.storage.redis;

import dev.arena.leaderboard.BoardName;
import dev.arena.leaderboard.LeaderboardEntry;
import dev.arena.leaderboard.LeaderboardIndex;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Ranked boards as Redis sorted sets: one per board, {@code arena:lb:<board>}, member = the player id's canonical
 * string, score = the score. {@code ZREVRANGE}/{@code ZREVRANK} order equal scores by member descending, which is
 * exactly the tie order {@link LeaderboardIndex} defines, so ranks come straight from Redis.
 *
 * <p>{@code around} is one Lua script (rank and window read atomically).
 */
public final class RedisLeaderboardIndex implements LeaderboardIndex {
    /** KEYS: board. ARGV: member, radius. Returns {} or {rank0, from, member, score, member, score, ...}. */
    private static final LuaScript AROUND = new LuaScript("""
            local rank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
            if not rank then return {} end
            local radius = tonumber(ARGV[2])
            local from = math.max(0, rank - radius)
            local out = {rank, from}
            local window = redis.call('ZREVRANGE', KEYS[1], from, rank + radius, 'WITHSCORES')
            for i = 1, #window do out[#out + 1] = window[i] end
            return out
            """);

    private final Redis client;

    public RedisLeaderboardIndex(Redis client) {
        this.client = client;
    }

    static String key(BoardName board) {
        return "arena:lb:" + board.value();
    }

    @Override
    public CompletionStage<Void> put(BoardName board, UUID playerId, double score) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(playerId, "playerId");
        double normalized = LeaderboardIndex.normalizeScore(score);
        return stage(client.send(Request.cmd(Command.ZADD).arg(key(board)).arg(Double.toString(normalized))
                .arg(playerId.toString())).mapEmpty());
    }

    @Override
    public CompletionStage<Boolean> remove(BoardName board, UUID playerId) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(playerId, "playerId");
        return stage(client.send(Request.cmd(Command.ZREM).arg(key(board)).arg(playerId.toString()))
                .map(r -> r.toLong() == 1));
    }

    @Override
    public CompletionStage<OptionalLong> rank(BoardName board, UUID playerId) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(playerId, "playerId");
        return stage(client.send(Request.cmd(Command.ZREVRANK).arg(key(board)).arg(playerId.toString()))
                .map(r -> r == null ? OptionalLong.empty()
                        : OptionalLong.of(r.toLong() + 1)));
    }

    @Override
    public CompletionStage<List<LeaderboardEntry>> top(BoardName board, long offset, int limit) {
        Objects.requireNonNull(board, "board");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative, were " + offset + ", " + limit);
        }
        if (limit == 0) {
            return stage(Future.succeededFuture(List.of()));
        }
        long stop = offset > Long.MAX_VALUE - limit ? Long.MAX_VALUE : offset + limit - 1;
        return stage(client.send(Request.cmd(Command.ZREVRANGE).arg(key(board)).arg(offset).arg(stop)
                .arg("WITHSCORES")).map(r -> entries(r, 0, offset + 1)));
    }

    @Override
    public CompletionStage<List<LeaderboardEntry>> around(BoardName board, UUID playerId, int radius) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(playerId, "playerId");
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative, was " + radius);
        }
        return stage(AROUND.run(client::send, List.of(key(board)), List.of(playerId.toString(),
                Integer.toString(radius))).map(r -> r == null || r.size() == 0 ? List.<LeaderboardEntry>of()
                : entries(r, 2, r.get(1).toLong() + 1)));
    }

    @Override
    public CompletionStage<Long> size(BoardName board) {
        Objects.requireNonNull(board, "board");
        return stage(client.send(Request.cmd(Command.ZCARD).arg(key(board))).map(Response::toLong));
    }

    @Override
    public CompletionStage<Void> clear(BoardName board) {
        Objects.requireNonNull(board, "board");
        return stage(client.send(Request.cmd(Command.DEL).arg(key(board))).mapEmpty());
    }

    /**
     * Entries from a WITHSCORES reply starting at element {@code from}: flat (member, score, ...) as RESP2 and Lua
     * give it, or (member, score) pairs as RESP3 gives it.
     */
    private static List<LeaderboardEntry> entries(Response r, int from, long firstRank) {
        List<LeaderboardEntry> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        long rank = firstRank;
        int i = from;
        while (i < r.size()) {
            Response item = r.get(i);
            String member;
            Response score;
            if (item.type() == ResponseType.MULTI) {
                member = item.get(0).toString();
                score = item.get(1);
                i += 1;
            } else {
                member = item.toString();
                score = r.get(i + 1);
                i += 2;
            }
            out.add(new LeaderboardEntry(rank++, UUID.fromString(member), score(score)));
        }
        return out;
    }

    private static double score(Response r) {
        double d = r.type() == ResponseType.NUMBER ? r.toDouble() : Double.parseDouble(r.toString());
        return d == 0 ? 0.0 : d;
    }

    private static <T> CompletionStage<T> stage(Future<T> f) {
        return f.toCompletionStage();
    }
}
