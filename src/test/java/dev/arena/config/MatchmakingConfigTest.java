package dev.arena.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arena.matchmaking.QueueConfig;
import dev.arena.matchmaking.RatingWindow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARENA_MM_*: the queue list's shapes and windows, defaults, and every bad value reported. */
class MatchmakingConfigTest {

    @Test
    void defaultsAreTheTwoOneVersusOneQueues() {
        MatchmakingConfig c = ConfigLoader.load(Map.of(), Map.of()).matchmaking();
        assertThat(c.queues()).containsExactlyElementsOf(QueueConfig.defaults());
        assertThat(c.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.disconnectGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.leaseTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.ticketRetention()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shapesAndWindowsAreRead() {
        assertThat(MatchmakingConfig.queues("arena_battle=2v2@25/2.5/300, connect_four=ffa4, x=3v3v3")).containsExactly(
                QueueConfig.teams("arena_battle", 2, 2, new RatingWindow(25, 2.5, 300)),
                QueueConfig.freeForAll("connect_four", 4, QueueConfig.DEFAULT_WINDOW),
                QueueConfig.teams("x", 3, 3, QueueConfig.DEFAULT_WINDOW));
    }

    @Test
    void badQueueListsAreReportedWithTheOtherProblems() {
        for (String bad : new String[] {"", "arena_battle", "arena_battle=1v2", "a=1v1,a=2v2", "a=1v1@50/5/10",
                "a=ffa1", "A=1v1", "a=1v1@x/1/2"}) {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigLoader.load(Map.of("ARENA_MM_QUEUES", bad, "ARENA_MM_INTERVAL", "0s"), Map.of()));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.problems()).as(bad).hasSize(2);
            assertThat(e.problems().getFirst()).as(bad).startsWith("ARENA_MM_QUEUES: ");
        }
    }
}
