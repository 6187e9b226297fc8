package dev.arena.bench;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The senders of one event loop. A periodic timer every {@link #TICK_MS} ms asks the {@link SendSchedule}
 * how many messages are due and sends them round-robin over the lane's senders, so each sender sends at the
 * plan's rate on average and the lane's total follows the schedule exactly, whatever the timer's jitter.
 * Stops at the end of the measured window. Runs on its lane only. {@code T} is a room socket or a match player.
 */
final class LaneSender<T> {
    static final long TICK_MS = 10;
    /**
     * A lane starved for longer than this skips the rest of its backlog: catching up on a whole second at once
     * would send each sender's messages in a burst the server's per-connection rate limit rightly refuses.
     */
    private static final long MAX_LAG_NANOS = 250_000_000L;

    private final List<T> senders;
    private final Predicate<T> open;
    private final Consumer<T> send;
    private final SendSchedule schedule;
    private final Window window;
    private int next;
    private long skippedClosed;

    /** {@code ratePerSecond}: the lane's total; {@code send} sends one message from a sender that is open. */
    LaneSender(List<T> senders, Predicate<T> open, Consumer<T> send, double ratePerSecond, long startNanos,
               Window window) {
        this.senders = senders;
        this.open = open;
        this.send = send;
        this.schedule = new SendSchedule(ratePerSecond, startNanos, MAX_LAG_NANOS);
        this.window = window;
    }

    /** Starts the timer on the calling lane; {@code onDone} runs there with the skipped counts when it stops. */
    void start(Vertx vertx, java.util.function.BiConsumer<Long, Long> onDone) {
        if (senders.isEmpty()) {
            onDone.accept(0L, 0L);
            return;
        }
        vertx.setPeriodic(0, TICK_MS, id -> {
            long now = System.nanoTime();
            if (now - window.endNanos() >= 0) {
                vertx.cancelTimer(id);
                onDone.accept(schedule.skipped(), skippedClosed);
                return;
            }
            int due = schedule.due(now);
            for (int k = 0; k < due; k++) {
                T s = senders.get(next);
                next = next + 1 == senders.size() ? 0 : next + 1;
                if (open.test(s)) {
                    send.accept(s);
                } else {
                    skippedClosed++;
                }
            }
        });
    }
}
