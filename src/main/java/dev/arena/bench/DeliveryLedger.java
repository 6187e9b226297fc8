package dev.arena.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * Delivery accounting for the room scenarios. A message sent inside the measured {@link Window} adds its
 * fan-out (the members of its room, sender included, at the time of sending) to the expected deliveries;
 * each receipt of a message whose send time lies inside the window counts as a measured delivery, whenever
 * it arrives (the run drains after the window). Messages sent during warm-up are delivered and counted but
 * never measured, so a slow start does not hide in the percentages. Thread-safe: every event loop reports here.
 */
final class DeliveryLedger {
    private final Window window;
    private final LongAdder sent = new LongAdder();
    private final LongAdder measuredSent = new LongAdder();
    private final LongAdder expected = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder measuredDelivered = new LongAdder();

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

    /** A message written at {@code sentNanos} arrived; returns whether it counts in the measurement. */
    boolean delivered(long sentNanos) {
        delivered.increment();
        if (window.contains(sentNanos)) {
            measuredDelivered.increment();
            return true;
        }
        return false;
    }

    Snapshot snapshot() {
        return new Snapshot(sent.sum(), measuredSent.sum(), expected.sum(), delivered.sum(), measuredDelivered.sum());
    }

    /**
     * Counters at one instant. {@code measuredDelivered} above {@code expected} means duplicates (or a room
     * bigger than the bench thinks), which the report shows rather than capping at 100 %.
     */
    record Snapshot(long sent, long measuredSent, long expected, long delivered, long measuredDelivered) {

        /** Measured deliveries as a percentage of the expected ones; 100 when nothing was expected. */
        double deliveredPercent() {
            return expected == 0 ? 100.0 : 100.0 * measuredDelivered / expected;
        }

        long missing() {
            return Math.max(0, expected - measuredDelivered);
        }

        /** Measured deliveries per second of the measured window. */
        double deliveriesPerSecond(double windowSeconds) {
            return windowSeconds <= 0 ? 0 : measuredDelivered / windowSeconds;
        }

        double sendsPerSecond(double windowSeconds) {
            return windowSeconds <= 0 ? 0 : measuredSent / windowSeconds;
        }
    }
}
