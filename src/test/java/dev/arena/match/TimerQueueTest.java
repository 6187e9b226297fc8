package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared timer queue of one owner: due order, batches, lazy cancels, catch-up within a batch, the tick grid. */
class TimerQueueTest {
    private final TimerQueue queue = new TimerQueue();
    private final List<String> ran = new ArrayList<>();
    private long now;

    @Test
    void aWakeRunsEveryEntryDueByThenInDueOrderAndLeavesTheRest() {
        queue.add(30, () -> ran.add("c"));
        queue.add(10, () -> ran.add("a"));
        queue.add(10, () -> ran.add("a2")); // same instant: order of adding
        queue.add(20, () -> ran.add("b"));
        now = 20;
        assertThat(queue.runDue(() -> now)).isEqualTo(3);
        assertThat(ran).containsExactly("a", "a2", "b");
        assertThat(queue.nextAt()).isEqualTo(30);
    }

    @Test
    void aCancelledEntryNeverRunsAndDoesNotHoldTheNextWake() {
        TickScheduler.Cancellable early = queue.add(5, () -> ran.add("early"));
        queue.add(50, () -> ran.add("late"));
        early.cancel();
        assertThat(queue.nextAt()).isEqualTo(50);
        now = 100;
        assertThat(queue.runDue(() -> now)).isEqualTo(1);
        assertThat(ran).containsExactly("late");
        assertThat(queue.nextAt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anEntryThatFallsDueDuringTheBatchRunsInIt() {
        queue.add(10, () -> {
            ran.add("first");
            now = 25; // the batch took a while
            queue.add(20, () -> ran.add("added"));
        });
        queue.add(24, () -> ran.add("second"));
        queue.add(26, () -> ran.add("later"));
        now = 10;
        queue.runDue(() -> now);
        assertThat(ran).containsExactly("first", "added", "second");
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        queue.add(1, () -> {
            throw new IllegalStateException("boom");
        });
        queue.add(2, () -> ran.add("next"));
        now = 2;
        assertThat(queue.runDue(() -> now)).isEqualTo(2);
        assertThat(ran).containsExactly("next");
    }

    @Test
    void ticksStartOnTheSharedGrid() {
        long grid = VertxTickScheduler.PHASE_NANOS;
        assertThat(VertxTickScheduler.alignUp(0, grid)).isZero();
        assertThat(VertxTickScheduler.alignUp(1, grid)).isEqualTo(grid);
        assertThat(VertxTickScheduler.alignUp(grid, grid)).isEqualTo(grid);
        assertThat(VertxTickScheduler.alignUp(-1, grid)).isZero(); // nanoTime may be negative
        assertThat(VertxTickScheduler.alignUp(3 * grid + 7, grid)).isEqualTo(4 * grid);
    }
}
