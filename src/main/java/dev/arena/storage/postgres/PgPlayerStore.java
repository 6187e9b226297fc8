package dev.arena.storage.postgres;

import dev.arena.identity.Player;
import dev.arena.identity.Role;
import dev.arena.player.PlayerStats;
import dev.arena.player.Profile;
import dev.arena.player.RecentMatch;
import dev.arena.rating.Rating;
import dev.arena.rating.RatingStore;
import java.time.OffsetDateTime;
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

    /**
     * Everything but the rank in one statement: the account joined with its stats row, every mode's rating and the
     * latest games as arrays (sub-selects on the players' indexes), so a profile is one round trip.
     */
    private static final String PROFILE = """
            SELECT p.id, p.username, p.display_name, p.role, p.is_guest, p.created_at,
                   s.games_played, s.wins, s.losses, s.draws, s.xp,
                   r.modes, r.ratings, r.deviations, r.volatilities, r.games,
                   g.game_ids, g.game_modes, g.outcomes, g.finished
            FROM players p
            LEFT JOIN player_stats s ON s.player_id = p.id
            LEFT JOIN LATERAL (
                SELECT array_agg(mode ORDER BY games DESC, mode) AS modes,
                       array_agg(rating ORDER BY games DESC, mode) AS ratings,
                       array_agg(deviation ORDER BY games DESC, mode) AS deviations,
                       array_agg(volatility ORDER BY games DESC, mode) AS volatilities,
                       array_agg(games ORDER BY games DESC, mode) AS games
                FROM ratings WHERE player_id = p.id) r ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(x.game_id ORDER BY x.finished_at DESC, x.game_id) AS game_ids,
                       array_agg(x.mode ORDER BY x.finished_at DESC, x.game_id) AS game_modes,
                       array_agg(x.outcome ORDER BY x.finished_at DESC, x.game_id) AS outcomes,
                       array_agg(x.finished_at ORDER BY x.finished_at DESC, x.game_id) AS finished
                FROM (SELECT gp.game_id, gm.mode, gp.outcome, gp.finished_at
                      FROM game_players gp JOIN games gm ON gm.id = gp.game_id
                      WHERE gp.player_id = p.id ORDER BY gp.finished_at DESC, gp.game_id LIMIT $2) x) g ON true
            WHERE p.id = $1""";

    @Override
    public Future<Optional<Profile>> profile(UUID playerId, int recent) {
        return pool.preparedQuery(PROFILE).execute(Tuple.of(playerId, recent)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row r = it.next();
            if (r.getValue("games_played") == null) {
                return Optional.empty(); // every account gets a stats row; none means it is being created
            }
            Player player = new Player(r.getUUID("id"), r.getString("username"), r.getString("display_name"),
                    Role.fromWire(r.getString("role")), r.getBoolean("is_guest"),
                    PgAccountStore.instant(r.getOffsetDateTime("created_at")));
            List<RatingStore.ModeRating> modes = new ArrayList<>();
            String[] modeNames = r.getArrayOfStrings("modes");
            if (modeNames != null) {
                Double[] ratings = r.getArrayOfDoubles("ratings");
                Double[] deviations = r.getArrayOfDoubles("deviations");
                Double[] volatilities = r.getArrayOfDoubles("volatilities");
                Integer[] games = r.getArrayOfIntegers("games");
                for (int i = 0; i < modeNames.length; i++) {
                    modes.add(new RatingStore.ModeRating(modeNames[i],
                            new Rating(ratings[i], deviations[i], volatilities[i]), games[i]));
                }
            }
            List<RecentMatch> games = new ArrayList<>();
            UUID[] ids = r.getArrayOfUUIDs("game_ids");
            if (ids != null) {
                String[] gameModes = r.getArrayOfStrings("game_modes");
                String[] outcomes = r.getArrayOfStrings("outcomes");
                OffsetDateTime[] finished = r.getArrayOfOffsetDateTimes("finished");
                for (int i = 0; i < ids.length; i++) {
                    games.add(new RecentMatch(ids[i], gameModes[i], outcomes[i], finished[i].toInstant()));
                }
            }
            PlayerStats stats = PlayerStats.of(player.id(), r.getInteger("games_played"), r.getInteger("wins"),
                    r.getInteger("losses"), r.getInteger("draws"), r.getLong("xp"), modes);
            return Optional.of(new Profile(player, stats, games, null, true));
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
