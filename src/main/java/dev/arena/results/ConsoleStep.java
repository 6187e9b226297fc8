package dev.arena.results;

import dev.arena.match.MatchResult;
import dev.arena.metrics.PlayerStatistics;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/** The console's rollups (docs/CONSOLE.md): games per mode and hour, and the players marked active that day. */
public final class ConsoleStep implements ResultStep {
    private final PlayerStatistics statistics;

    public ConsoleStep(PlayerStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        if (match.result().outcome() instanceof MatchResult.Abandoned) {
            return Future.succeededFuture(); // as in the player stats: an abandoned match is not a game played
        }
        List<UUID> players = match.result().standings().stream().map(s -> s.player().value()).toList();
        return statistics.countMatch(match.id().value(), match.mode(), players, match.finishedAt());
    }
}
