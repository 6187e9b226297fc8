package dev.arena.bench;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The senders of one event loop. A periodic timer every {@link #TICK_MS} ms asks the {@link SendSchedule}
 * how many messages are due and sends them round-robin over the lane's senders, so each sender sends at the
 * plan's rate on average and the lane's total follows the schedule exactly, whatever the timer's jitter.
 * Stops at the end of the measured window. Runs on its lane only.
 */
final class LaneSender {
    static final long TICK_MS = 10;
    /**
     * A lane starved for longer than this skips the rest of its backlog: catching up on a whole second at once
     * would send each sender's messages in a burst the server's per-connection rate limit rightly refuses.
     */
    private static final long MAX_LAG_NANOS = 250_000_000L;

    private final List<BenchSocket> senders;
    private final SendSchedule schedule;
    private final Window window;
    private final DeliveryLedger ledger;
    private final AtomicLong counter;
    private int next;
    private long skippedClosed;

    LaneSender(List<BenchSocket> senders, double ratePerSecond, long startNanos, Window window,
               DeliveryLedger ledger, AtomicLong counter) {
        this.senders = senders;
        this.schedule = new SendSchedule(ratePerSecond, startNanos, MAX_LAG_NANOS);
        this.window = window;
        this.ledger = ledger;
        this.counter = counter;
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
                BenchSocket s = senders.get(next);
                next = next + 1 == senders.size() ? 0 : next + 1;
                if (s.isOpen()) {
                    s.send(counter.incrementAndGet(), ledger);
                } else {
                    skippedClosed++;
                }
            }
        });
    }
}
