package dev.arena.storage.postgres;

import dev.arena.player.PlayerStats;
import dev.arena.player.PlayerStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Player aggregates from {@code player_stats}. */
public final class PgPlayerStore implements PlayerStore {
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
                            PlayerStats.INITIAL_RATING, PlayerStats.levelFor(r.getLong("xp"))));
                });
    }
}
