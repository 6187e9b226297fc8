package dev.arena.matchmaking.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arena.common.Json;
import dev.arena.matchmaking.MatchmakingStats;
import java.time.Instant;

/**
 * One mode's statistics as {@code GET /matchmaking/stats} shows them and as the mode's matcher publishes them for
 * the other nodes. Durations in milliseconds.
 *
 * @param matcherNode the node running the mode's matcher when these were taken
 * @param at          when they were taken (by the matcher's clock)
 */
public record StatsView(String mode, int queueLength, int playersWaiting, long oldestWaitMs, long windowSeconds,
                        int matchesFormed, long waitP50Ms, long waitP95Ms, double ratingSpreadP50,
                        double ratingSpreadP95, String matcherNode, Instant at) {

    public static StatsView of(MatchmakingStats s, String node, Instant at) {
        return new StatsView(s.mode(), s.queueLength(), s.playersWaiting(), s.oldestWait().toMillis(),
                s.window().toSeconds(), s.matchesFormed(), s.waitP50().toMillis(), s.waitP95().toMillis(),
                s.spreadP50(), s.spreadP95(), node, at);
    }

    /** A mode whose matcher has not published anything yet. */
    public static StatsView empty(String mode) {
        return new StatsView(mode, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
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
