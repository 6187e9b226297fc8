package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.ts;

import dev.arena.rating.Glicko2;
import dev.arena.rating.Placement;
import dev.arena.rating.Rating;
import dev.arena.rating.RatingStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;

/** Ratings in {@code ratings}, changes in {@code rating_changes} (V3__results.sql). */
public final class PgRatingStore implements RatingStore {
    static final String STEP = "ratings";
    private final Pool pool;

    public PgRatingStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Map<UUID, Rating>> ratings(String mode, Collection<UUID> players) {
        return current(pool, mode, players.toArray(UUID[]::new), false).map(found -> {
            Map<UUID, Rating> out = new LinkedHashMap<>();
            players.forEach(p -> out.put(p, found.getOrDefault(p, Rating.UNRATED)));
            return out;
        });
    }

    @Override
    public Future<Void> rateOnce(UUID gameId, String mode, Map<UUID, Integer> standings, Glicko2 glicko,
                                 Instant now, Function<Map<UUID, Rating>, Future<Void>> whileLocked) {
        // Deadlock-free: the seed insert and SELECT ... ORDER BY player_id FOR UPDATE lock the rows in PostgreSQL's
        // uuid order in every transaction, so two matches sharing players wait for each other instead.
        UUID[] players = standings.keySet().toArray(UUID[]::new);
        return pool.withTransaction(tx -> PgSteps.claim(tx, gameId, STEP, now).compose(first -> {
            if (!first) {
                // a retry: nothing to rate again, but publish again under the locks (the earlier attempt may have
                // failed to)
                return current(tx, mode, players, true).compose(whileLocked);
            }
            return seed(tx, mode, players, now)
                    .compose(v -> current(tx, mode, players, true))
                    .compose(before -> {
                        List<Placement<UUID>> placements = new ArrayList<>();
                        for (UUID p : players) {
                            placements.add(new Placement<>(p, before.get(p), standings.get(p)));
                        }
                        Map<UUID, Rating> after = glicko.rateMatch(placements);
                        return write(tx, gameId, mode, before, after, now).compose(v -> whileLocked.apply(after));
                    });
        }));
    }

    /** Rows for players new to the mode, at the unrated start, so every participant has a row to lock. */
    private static Future<Void> seed(SqlClient tx, String mode, UUID[] players, Instant now) {
        Rating r = Rating.UNRATED;
        return tx.preparedQuery("""
                        INSERT INTO ratings (player_id, mode, rating, deviation, volatility, games, updated_at)
                        SELECT p, $2, $3, $4, $5, 0, $6 FROM unnest($1::uuid[]) AS p ORDER BY p
                        ON CONFLICT (player_id, mode) DO NOTHING""")
                .execute(Tuple.of((Object) players, mode, r.rating(), r.deviation(), r.volatility(), ts(now)))
                .mapEmpty();
    }

    private static Future<Map<UUID, Rating>> current(SqlClient c, String mode, UUID[] players, boolean lock) {
        return c.preparedQuery("SELECT player_id, rating, deviation, volatility FROM ratings"
                        + " WHERE mode = $1 AND player_id = ANY($2) ORDER BY player_id" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(mode, (Object) players))
                .map(rows -> {
                    Map<UUID, Rating> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        out.put(r.getUUID("player_id"), new Rating(r.getDouble("rating"), r.getDouble("deviation"),
                                r.getDouble("volatility")));
                    }
                    return out;
                });
    }

    private static Future<Void> write(SqlClient tx, UUID gameId, String mode, Map<UUID, Rating> before,
                                      Map<UUID, Rating> after, Instant now) {
        List<Tuple> updates = new ArrayList<>();
        List<Tuple> changes = new ArrayList<>();
        after.forEach((p, r) -> {
            updates.add(Tuple.of(p, mode, r.rating(), r.deviation(), r.volatility(), ts(now)));
            changes.add(Tuple.from(new Object[] {gameId, p, mode, before.get(p).rating(), r.rating(), r.deviation(),
                    ts(now)}));
        });
        return tx.preparedQuery("""
                        UPDATE ratings SET rating = $3, deviation = $4, volatility = $5, games = games + 1,
                                           updated_at = $6
                        WHERE player_id = $1 AND mode = $2""").executeBatch(updates)
                .compose(v -> tx.preparedQuery("""
                        INSERT INTO rating_changes (game_id, player_id, mode, rating_before, rating_after,
                                                    deviation_after, changed_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)""").executeBatch(changes))
                .mapEmpty();
    }

    @Override
    public Future<List<ModeRating>> of(UUID player) {
        return pool.preparedQuery("SELECT mode, rating, deviation, volatility, games FROM ratings"
                        + " WHERE player_id = $1 ORDER BY games DESC, mode")
                .execute(Tuple.of(player))
                .map(rows -> {
                    List<ModeRating> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new ModeRating(r.getString("mode"), new Rating(r.getDouble("rating"),
                                r.getDouble("deviation"), r.getDouble("volatility")), r.getInteger("games")));
                    }
                    return out;
                });
    }

    @Override
    public Future<List<String>> modes() {
        return pool.query("SELECT DISTINCT mode FROM ratings ORDER BY mode").execute()
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("mode")));
                    return out;
                });
    }

    @Override
    public Future<Map<UUID, Double>> board(String mode) {
        return pool.preparedQuery("SELECT player_id, rating FROM ratings WHERE mode = $1 AND games > 0")
                .execute(Tuple.of(mode))
                .map(rows -> {
                    Map<UUID, Double> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("player_id"), r.getDouble("rating")));
                    return out;
                });
    }
}
