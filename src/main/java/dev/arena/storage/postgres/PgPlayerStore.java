package dev.arena.storage.postgres;

import dev.arena.player.PlayerStats;
import dev.arena.player.PlayerStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Player aggregates from {@code player_stats}. */
public final class PgPlayerStore implements PlayerStore {
    static final String STEP = "stats";
    private final Pool pool;

    public PgPlayerStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Optional<PlayerStats>> stats(UUID playerId) {
        return pool.preparedQuery(
                        "SELECT player_id, games_played, wins, losses, draws, xp FROM player_stats WHERE player_id = $1")
                .execute(Tuple.of(playerId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new PlayerStats(r.getUUID("player_id"), r.getInteger("games_played"),
                            r.getInteger("wins"), r.getInteger("losses"), r.getInteger("draws"),
                            PlayerStats.INITIAL_RATING, PlayerStats.levelFor(r.getLong("xp")), List.of()));
                });
    }

    @Override
    public Future<Void> countOnce(UUID gameId, Map<UUID, String> outcomes, Instant now) {
        List<Tuple> rows = new ArrayList<>();
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String o = e.getValue();
            int xp = switch (o) {
                case "win" -> PlayerStats.XP_WIN;
                case "draw" -> PlayerStats.XP_DRAW;
                default -> PlayerStats.XP_LOSS;
            };
            rows.add(Tuple.of(e.getKey(), "win".equals(o) ? 1 : 0, "loss".equals(o) ? 1 : 0, "draw".equals(o) ? 1 : 0,
                    xp));
        });
        return pool.withTransaction(tx -> PgSteps.claim(tx, gameId, STEP, now).compose(first -> !first || rows.isEmpty()
                ? Future.succeededFuture()
                // SELECT ... FROM players: an account deleted since the game is skipped, not a failing job
                : tx.preparedQuery("""
                                INSERT INTO player_stats (player_id, games_played, wins, losses, draws, xp)
                                SELECT id, 1, $2, $3, $4, $5 FROM players WHERE id = $1
                                ON CONFLICT (player_id) DO UPDATE SET
                                    games_played = player_stats.games_played + 1,
                                    wins = player_stats.wins + EXCLUDED.wins,
                                    losses = player_stats.losses + EXCLUDED.losses,
                                    draws = player_stats.draws + EXCLUDED.draws,
                                    xp = player_stats.xp + EXCLUDED.xp""")
                        .executeBatch(rows).mapEmpty()));
    }
}
