package dev.arena.bench;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivery accounting for the room scenarios. A message sent inside the measured {@link Window} adds its
 * fan-out (the members of its room, sender included, at the time of sending) to the expected deliveries;
 * each receipt of a message whose send time lies inside the window counts as a measured delivery, whenever
 * it arrives (the run drains after the window). Messages sent during warm-up are delivered and counted but
 * never measured, so a slow start does not hide in the percentages. The arrival time of the last measured
 * delivery is kept too: when the server falls behind and clears its backlog during the drain, the delivery rate
 * is taken over the time the deliveries really took, not over the window alone.
 * Thread-safe: every event loop reports here.
 */
final class DeliveryLedger {
    private final Window window;
    private final LongAdder sent = new LongAdder();
    private final LongAdder measuredSent = new LongAdder();
    private final LongAdder expected = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder measuredDelivered = new LongAdder();
    private final LongAccumulator lastArrival = new LongAccumulator(Math::max, NONE);

    static final long NONE = Long.MIN_VALUE;

    DeliveryLedger(Window window) {
        this.window = window;
    }

    /** A message was written at {@code sentNanos} to a room of {@code fanout} members. */
    void sent(long sentNanos, int fanout) {
        sent.increment();
        if (window.contains(sentNanos)) {
            measuredSent.increment();
            expected.add(fanout);
        }
    }

    /**
     * A message written at {@code sentNanos} arrived at {@code arrivedNanos}; returns whether it counts in the
     * measurement.
     */
    boolean delivered(long sentNanos, long arrivedNanos) {
        delivered.increment();
        if (window.contains(sentNanos)) {
            measuredDelivered.increment();
            lastArrival.accumulate(arrivedNanos);
            return true;
        }
        return false;
    }

    Snapshot snapshot() {
        return new Snapshot(window, sent.sum(), measuredSent.sum(), expected.sum(), delivered.sum(),
                measuredDelivered.sum(), lastArrival.get());
    }

    /**
     * Counters at one instant. {@code measuredDelivered} above {@code expected} means duplicates (or a room
     * bigger than the bench thinks), which the report shows rather than capping at 100 %.
     */
    record Snapshot(Window window, long sent, long measuredSent, long expected, long delivered,
                    long measuredDelivered, long lastArrivalNanos) {

        /** Measured deliveries as a percentage of the expected ones; 100 when nothing was expected. */
        double deliveredPercent() {
            return expected == 0 ? 100.0 : 100.0 * measuredDelivered / expected;
        }

        long missing() {
            return Math.max(0, expected - measuredDelivered);
        }

        /** How long after the end of the window the last measured delivery arrived; 0 if within it. */
        double secondsAfterWindow() {
            if (lastArrivalNanos == NONE || lastArrivalNanos - window.endNanos() <= 0) {
                return 0;
            }
            return (lastArrivalNanos - window.endNanos()) / 1e9;
        }

        /**
         * Measured deliveries per second, over the window or, when the last of them arrived after it, from the
         * start of the window to that arrival.
         */
        double deliveriesPerSecond() {
            double seconds = window.seconds() + secondsAfterWindow();
            return seconds <= 0 ? 0 : measuredDelivered / seconds;
        }

        double sendsPerSecond() {
            return window.seconds() <= 0 ? 0 : measuredSent / window.seconds();
        }
    }
}
