package dev.arena.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueConfigTest {

    @Test
    void windowGrowsLinearlyWithWaitAndStopsAtItsMaximum() {
        RatingWindow w = new RatingWindow(50, 10, 200);
        assertThat(w.at(Duration.ZERO)).isEqualTo(50);
        assertThat(w.at(Duration.ofMillis(2500))).isEqualTo(75);
        assertThat(w.at(Duration.ofSeconds(15))).isEqualTo(200);
        assertThat(w.at(Duration.ofHours(3))).isEqualTo(200);
        assertThat(w.at(Duration.ofSeconds(-4))).isEqualTo(50);
        assertThat(w.timeToMax()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void windowRejectsAMaximumBelowItsStart() {
        assertThatThrownBy(() -> new RatingWindow(100, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatingWindow(-1, 1, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shapesOfCommonModes() {
        RatingWindow w = QueueConfig.DEFAULT_WINDOW;
        assertThat(QueueConfig.oneVsOne("duel", w).playersPerMatch()).isEqualTo(2);
        assertThat(QueueConfig.teams("duo", 2, 2, w).playersPerMatch()).isEqualTo(4);
        QueueConfig ffa = QueueConfig.freeForAll("ffa", 6, w);
        assertThat(ffa.teamCount()).isEqualTo(6);
        assertThat(ffa.teamSize()).isEqualTo(1);
    }

    @Test
    void defaultsCoverTheBuiltInGamesAndMatchOnRegion() {
        assertThat(QueueConfig.defaults()).extracting(QueueConfig::mode)
                .containsExactly(QueueConfig.ARENA_BATTLE, QueueConfig.CONNECT_FOUR);
        assertThat(QueueConfig.defaults()).allSatisfy(c -> {
            assertThat(c.playersPerMatch()).isEqualTo(2);
            assertThat(c.hardConstraints()).containsExactly("region");
        });
    }

    @Test
    void refusesImpossibleShapes() {
        RatingWindow w = QueueConfig.DEFAULT_WINDOW;
        assertThatThrownBy(() -> new QueueConfig("solo", 1, 1, w, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueConfig("x", 2, 0, w, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueConfig("huge", 10, 10, w, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
