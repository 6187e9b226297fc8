package dev.arena.tournament;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.match.MatchResult;
import dev.arena.results.FinishedMatch;
import dev.arena.testing.Futures;
import dev.arena.testing.TestNode;
import dev.arena.tournament.TournamentDriver.Player;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.Pairing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole events with simulated players at the sizes of the issue, through the service and the result step (as the
 * results pipeline delivers results; no sockets): a 1,024-player single elimination and a 256-player, 8-round
 * Swiss. Prints, per round, how long the round's results took and how long the round's last result took, which
 * for Swiss is the time to pair and store the next round and start its games (docs/BENCHMARKS.md). Each game is
 * ended once its result is in, as a played game would have ended (its abandoned end goes through the pipeline,
 * where the tournament step finds it settled and does nothing).
 */
class TournamentScaleIntegrationTest {
    TestNode node;
    TournamentDriver d;

    /** A node per event: the games one event leaves behind do not load the other's database. */
    @BeforeEach
    void start() {
        node = TestNode.start(TournamentScaleIntegrationTest.class);
        d = new TournamentDriver(node);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    record RoundTiming(int round, int results, double allButLastMs, double lastMs) {}

    @Test
    void aThousandAndTwentyFourPlayerSingleElimination() {
        List<RoundTiming> rounds = run("single_elimination", 1024, null);
        assertThat(rounds).hasSize(10);
        assertThat(rounds.stream().mapToInt(RoundTiming::results).sum()).as("n − 1 games").isEqualTo(1023);
    }

    @Test
    void aTwoHundredFiftySixPlayerEightRoundSwiss() {
        List<RoundTiming> rounds = run("swiss", 256, 8);
        assertThat(rounds).hasSize(8);
        assertThat(rounds).allMatch(r -> r.results() == 128);
    }

    private List<RoundTiming> run(String format, int n, Integer swissRounds) {
        TournamentService service = node.arena().tournaments();
        Player organiser = d.player();
        JsonObject body = new JsonObject().put("format", format).put("max_players", n);
        if (swissRounds != null) {
            body.put("rounds", swissRounds);
        }
        UUID id = UUID.fromString(d.create(organiser, body));
        List<Player> players = d.players(n);
        long r0 = System.nanoTime();
        List<Future<Void>> regs = new ArrayList<>();
        for (Player p : players) {
            regs.add(service.register(id, p.id()));
        }
        regs.forEach(Futures::await);
        double registerMs = (System.nanoTime() - r0) / 1e6;
        long s0 = System.nanoTime();
        await(service.start(id, new Principal(organiser.id(), UUID.randomUUID(), Role.PLAYER), null));
        double startMs = (System.nanoTime() - s0) / 1e6;

        List<RoundTiming> timings = new ArrayList<>();
        for (int round = 1; ; round++) {
            List<TournamentViews.GameView> open = await(service.matches(id, null)).stream()
                    .filter(g -> g.status().equals("open")).toList();
            if (open.isEmpty()) {
                break;
            }
            assertThat(open).as("round %d", round).allMatch(g -> g.round() == open.getFirst().round());
            long t0 = System.nanoTime();
            List<Future<Void>> results = new ArrayList<>();
            for (TournamentViews.GameView g : open.subList(0, open.size() - 1)) {
                results.add(node.arena().tournamentResults().apply(homeWins(g)).onComplete(ar -> end(g)));
            }
            results.forEach(Futures::await);
            long t1 = System.nanoTime();
            await(node.arena().tournamentResults().apply(homeWins(open.getLast())));
            long t2 = System.nanoTime();
            end(open.getLast());
            timings.add(new RoundTiming(round, open.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6));
        }
        TournamentService.Loaded done = await(service.load(id));
        assertThat(done.tournament().status()).isEqualTo(TournamentStatus.COMPLETED);
        Bracket bracket = done.bracket();
        assertThat(bracket.isComplete()).isTrue();
        assertThat(bracket.standings()).hasSize(n);
        Set<Set<PlayerId>> met = new HashSet<>();
        for (Pairing p : bracket.pairings()) {
            if (p.players().size() == 2) {
                assertThat(met.add(Set.of(p.players().get(0), p.players().get(1))))
                        .as("no rematch: %s", p.id()).isTrue();
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d players: %d registrations %.0f ms, start (seeding, bracket, %d games) "
                + "%.0f ms%n", format, n, n, registerMs, timings.getFirst().results(), startMs);
        for (RoundTiming t : timings) {
            System.out.printf(Locale.ROOT, "  round %2d: %4d results in %7.1f ms; the last one (pairs/starts what "
                    + "follows) %6.1f ms%n", t.round(), t.results(), t.allButLastMs() + t.lastMs(), t.lastMs());
        }
        return timings;
    }

    private void end(TournamentViews.GameView g) {
        node.arena().httpServices().matches().live(g.gameId()).ifPresent(loop -> loop.stop("played"));
    }

    private FinishedMatch homeWins(TournamentViews.GameView g) {
        UUID home = g.players().get(0);
        UUID away = g.players().get(1);
        MatchResult result = MatchResult.ranked(List.of(new MatchResult.Standing(new PlayerId(home), 1, 1),
                new MatchResult.Standing(new PlayerId(away), 2, 0)), "four_in_a_row");
        return new FinishedMatch(g.gameId(), "connect_four", result, d.now());
    }
}
