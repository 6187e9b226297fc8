package dev.arena.matchmaking;

import static dev.arena.matchmaking.TestTickets.at;
import static dev.arena.matchmaking.TestTickets.solo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchmakingStatsTrackerTest {
    private final TicketPool pool = new TicketPool(List.of(QueueConfig.oneVsOne("duel", new RatingWindow(500, 0, 500))));

    @Test
    void reportsQueueAndRecentMatchQuality() {
        MatchmakingStatsTracker tracker = new MatchmakingStatsTracker(Duration.ofMinutes(1), 1000);
        // pairs with gaps 10, 20, ... 100, each pair waited 1..10 s
        for (int i = 1; i <= 10; i++) {
            pool.add(solo("duel", 1000 * i, 0));
            pool.add(solo("duel", 1000 * i + 10 * i, 0));
            tracker.record(pool.process(at(i)), at(i));
        }
        pool.add(solo("duel", 1500, 8));
        MatchmakingStats s = tracker.snapshot(pool, "duel", at(10));
        assertThat(s.queueLength()).isEqualTo(1);
        assertThat(s.playersWaiting()).isEqualTo(1);
        assertThat(s.oldestWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.matchesFormed()).isEqualTo(10);
        assertThat(s.waitP50()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.waitP95()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.spreadP50()).isEqualTo(50);
        assertThat(s.spreadP95()).isEqualTo(100);
    }

    @Test
    void forgetsMatchesOlderThanTheWindow() {
        MatchmakingStatsTracker tracker = new MatchmakingStatsTracker(Duration.ofSeconds(30), 1000);
        pool.add(solo("duel", 1500, 0));
        pool.add(solo("duel", 1500, 0));
        tracker.record(pool.process(at(1)), at(1));
        assertThat(tracker.snapshot(pool, at(30)).get("duel").matchesFormed()).isEqualTo(1);
        MatchmakingStats later = tracker.snapshot(pool, at(31.5)).get("duel");
        assertThat(later.matchesFormed()).isZero();
        assertThat(later.waitP95()).isEqualTo(Duration.ZERO);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfMatches() {
        MatchmakingStatsTracker tracker = new MatchmakingStatsTracker(Duration.ofMinutes(5), 3);
        for (int i = 0; i < 5; i++) {
            pool.add(solo("duel", 1500, 0));
            pool.add(solo("duel", 1500, 0));
            tracker.record(pool.process(at(i)), at(i));
        }
        assertThat(tracker.snapshot(pool, "duel", at(5)).matchesFormed()).isEqualTo(3);
    }

    @Test
    void nearestRankPercentiles() {
        assertThat(MatchmakingStats.percentile(new double[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(MatchmakingStats.percentile(new double[] {1, 2, 3, 4}, 95)).isEqualTo(4);
        assertThat(MatchmakingStats.percentile(new double[] {7}, 50)).isEqualTo(7);
        assertThat(MatchmakingStats.percentile(new double[0], 50)).isZero();
    }
}
