package dev.arena.metrics;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's player statistics, read from PostgreSQL rollups (docs/CONSOLE.md says why they stay fast). Days
 * and hours are UTC. Display names and ratings only, as public as a leaderboard: no contact data, no address.
 */
public interface PlayerStatistics {

    Future<Summary> summary();

    /** Games stored for a result: counted into the hourly rollup and marking its players active (idempotent). */
    Future<Void> countMatch(UUID gameId, String mode, List<UUID> players, Instant finishedAt);

    record Summary(Instant at, long newToday, long newLast7Days, long activeToday, long activeLast7Days,
                   List<HourlyGames> gamesPerHour, Map<String, List<TopPlayer>> topPlayers) {}

    record HourlyGames(Instant hour, String mode, int games) {}

    /** {@code change24h}: the sum of the player's rating changes in that mode over the last 24 hours. */
    record TopPlayer(UUID playerId, String displayName, double rating, int games, double change24h) {}
}
