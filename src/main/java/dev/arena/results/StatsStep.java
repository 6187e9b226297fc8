package dev.arena.results;

import dev.arena.match.MatchResult;
import dev.arena.player.PlayerStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Games played, wins, losses, draws and experience of every participant; abandoned matches do not count. */
public final class StatsStep implements ResultStep {
    private final PlayerStore players;
    private final Clock clock;

    public StatsStep(PlayerStore players, Clock clock) {
        this.players = players;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        MatchResult r = match.result();
        if (r.outcome() instanceof MatchResult.Abandoned) {
            return Future.succeededFuture();
        }
        Map<UUID, String> outcomes = new LinkedHashMap<>();
        for (MatchResult.Standing s : r.standings()) {
            outcomes.put(s.player().value(), r.outcomeFor(s.player()));
        }
        return players.countOnce(match.id().value(), outcomes, clock.instant());
    }
}
