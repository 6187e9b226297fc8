package dev.arena.matchmaking.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arena.common.Json;
import dev.arena.matchmaking.MatchmakingStats;
import dev.arena.matchmaking.QueueConfig;
import java.time.Instant;

/**
 * One mode's statistics as {@code GET /matchmaking/stats} shows them and as the mode's matcher publishes them for
 * the other nodes. Durations in milliseconds.
 *
 * @param teamCount   the queue's shape: {@code teamCount} teams of {@code teamSize} players (a party fits when it
 *                    has at most {@code teamSize} members), so a client can tell before queueing; from the
 *                    answering node's configuration ({@link #shaped})
 * @param matcherNode the node running the mode's matcher when these were taken
 * @param at          when they were taken (by the matcher's clock)
 */
public record StatsView(String mode, int teamCount, int teamSize, int queueLength, int playersWaiting,
                        long oldestWaitMs, long windowSeconds, int matchesFormed, long waitP50Ms, long waitP95Ms,
                        double ratingSpreadP50, double ratingSpreadP95, String matcherNode, Instant at) {

    public static StatsView of(MatchmakingStats s, QueueConfig q, String node, Instant at) {
        return new StatsView(s.mode(), q.teamCount(), q.teamSize(), s.queueLength(), s.playersWaiting(),
                s.oldestWait().toMillis(), s.window().toSeconds(), s.matchesFormed(), s.waitP50().toMillis(),
                s.waitP95().toMillis(), s.spreadP50(), s.spreadP95(), node, at);
    }

    /** A mode whose matcher has not published anything yet. */
    public static StatsView empty(QueueConfig q) {
        return new StatsView(q.mode(), q.teamCount(), q.teamSize(), 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
    }

    /** These statistics with the queue's shape as this node is configured (a matcher's may be of an older version). */
    public StatsView shaped(QueueConfig q) {
        return new StatsView(mode, q.teamCount(), q.teamSize(), queueLength, playersWaiting, oldestWaitMs,
                windowSeconds, matchesFormed, waitP50Ms, waitP95Ms, ratingSpreadP50, ratingSpreadP95, matcherNode, at);
    }

    public String encode() {
        return Json.encodeToString(this);
    }

    public static StatsView decode(String json) {
        try {
            return Json.MAPPER.readValue(json, StatsView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not stored statistics: " + e.getOriginalMessage(), e);
        }
    }
}
