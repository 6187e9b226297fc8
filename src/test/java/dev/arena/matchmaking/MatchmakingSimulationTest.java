package dev.arena.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.matchmaking.MatchmakingSimulation.Result;
import dev.arena.matchmaking.MatchmakingSimulation.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins the quality targets of docs/MATCHMAKING.md to the default window, so retuning cannot quietly miss them. */
class MatchmakingSimulationTest {

    @ParameterizedTest(name = "{0} arrivals per second")
    @ValueSource(doubles = {200, 20})
    void defaultWindowMeetsTheTargets(double arrivalsPerSecond) {
        Settings standard = Settings.standard(QueueConfig.DEFAULT_WINDOW);
        Result r = MatchmakingSimulation.run(new Settings(standard.players(), arrivalsPerSecond, standard.tick(),
                standard.window(), standard.seed()));
        assertThat(r.waitP50()).as("median wait, ms").isLessThan(5_000);
        assertThat(r.waitP95()).as("p95 wait, ms").isLessThan(20_000);
        assertThat(r.gapP50()).as("median rating gap").isLessThan(100);
        assertThat(r.playablePairsLeft()).as("players left waiting who could have played each other").isZero();
        assertThat(r.matches() * 2 + r.unmatched()).isEqualTo(standard.players());
    }
}
