package dev.arena.app;

import dev.arena.match.MatchLoop;
import dev.arena.match.MatchRegistry;
import dev.arena.match.MatchStatus;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.metrics.NodeSample;
import dev.arena.metrics.NodeSources;
import dev.arena.results.ResultStore;
import dev.arena.storage.postgres.PgConsoleStats;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** What the dashboard sampler reads from this node's services besides the meter registry. */
final class NodeMetricSources implements NodeSources {
    private final Supplier<MatchRegistry> matches;
    private final Supplier<Matchmaking> matchmaking;
    private final ResultStore results;
    private final PgConsoleStats statistics;

    NodeMetricSources(Supplier<MatchRegistry> matches, Supplier<Matchmaking> matchmaking, ResultStore results,
                      PgConsoleStats statistics) {
        this.matches = matches;
        this.matchmaking = matchmaking;
        this.results = results;
        this.statistics = statistics;
    }

    @Override
    public Collection<LiveMatch> matches() {
        MatchRegistry registry = matches.get();
        if (registry == null) {
            return List.of();
        }
        List<LiveMatch> out = new ArrayList<>();
        for (MatchLoop<?, ?, ?> m : registry.all()) {
            MatchStatus s = m.status(); // published by the match's context; a second-old reading is fine here
            if (s != MatchStatus.FINISHED) {
                out.add(new LiveMatch(m.id().toString(), m.game().mode(), s == MatchStatus.RUNNING));
            }
        }
        return out;
    }

    @Override
    public List<String> leases() {
        Matchmaking mm = matchmaking.get();
        return mm == null ? List.of() : List.copyOf(mm.matching());
    }

    @Override
    public Future<NodeSample.Work> sharedWork() {
        Future<Long> tournaments = statistics.tournamentsRunning();
        Future<Long> backlog = results.jobs(1).map(ResultStore.JobsReport::pending);
        return Future.all(tournaments, backlog)
                .map(v -> new NodeSample.Work(tournaments.result(), backlog.result(), 0));
    }
}
