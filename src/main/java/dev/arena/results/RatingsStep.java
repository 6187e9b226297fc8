package dev.arena.results;

import dev.arena.leaderboard.BoardName;
import dev.arena.leaderboard.LeaderboardIndex;
import dev.arena.match.MatchResult;
import dev.arena.rating.Glicko2;
import dev.arena.rating.RatingStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Glicko-2 update of every participant (a multi-player result counts as pairwise games), then the leaderboard:
 * the ratings change once per game in PostgreSQL, and the index is set to the stored ratings while their rows are
 * locked (so boards follow the order of rating changes), also on a retry, which repairs a failed index write
 * without rating anything twice. Abandoned matches are not rated.
 */
public final class RatingsStep implements ResultStep {
    private final RatingStore ratings;
    private final LeaderboardIndex leaderboard;
    private final Glicko2 glicko;
    private final Clock clock;

    public RatingsStep(RatingStore ratings, LeaderboardIndex leaderboard, Glicko2 glicko, Clock clock) {
        this.ratings = ratings;
        this.leaderboard = leaderboard;
        this.glicko = glicko;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ratings";
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        MatchResult r = match.result();
        if (r.outcome() instanceof MatchResult.Abandoned || r.standings().size() < 2) {
            return Future.succeededFuture();
        }
        Map<UUID, Integer> places = new LinkedHashMap<>();
        r.standings().forEach(s -> places.put(s.player().value(), s.place()));
        BoardName board = BoardName.global(match.mode());
        return ratings.rateOnce(match.id().value(), match.mode(), places, glicko, clock.instant(), now -> {
            List<Future<Void>> puts = new ArrayList<>();
            now.forEach((player, rating) -> puts.add(Future.fromCompletionStage(
                    leaderboard.put(board, player, rating.rating()))));
            return Future.all(puts).mapEmpty();
        });
    }
}
