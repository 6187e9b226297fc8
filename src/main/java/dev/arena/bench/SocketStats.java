package dev.arena.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What every {@link BenchSocket} of a run reports into; safe from every event loop. */
final class SocketStats {
    final AtomicInteger open = new AtomicInteger();
    final LongAdder connected = new LongAdder();
    final LongAdder joined = new LongAdder();
    final LongAdder welcomes = new LongAdder();
    final Counters connectFailures = new Counters();
    final Counters joinFailures = new Counters();
    /** Closes the bench did not ask for, by close code ({@code none} when the TCP connection just ended). */
    final Counters closes = new Counters();
    /** {@code error} frames by {@code code}. */
    final Counters serverErrors = new Counters();
    final Counters socketErrors = new Counters();
    final LongAdder otherFrames = new LongAdder();
    /** Presence frames received ({@code presence.diff}; older servers: {@code presence.join}/{@code leave}). */
    final LongAdder presenceFrames = new LongAdder();
    /** Writes made while the socket's write queue was already full: the bench itself could not keep up. */
    final LongAdder writeQueueFull = new LongAdder();
    final LatencyStats connectLatency = new LatencyStats();
    final LatencyStats deliveryLatency = new LatencyStats();
    /** Set before the first message is sent; frames before that carry no measurement. */
    volatile DeliveryLedger ledger;
    /** Set when the run ends: later frames are ignored, so the counts and the histogram stay in step. */
    volatile boolean frozen;
}
