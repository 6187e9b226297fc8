package dev.arena.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the soak's clients and matches report into; safe from every event loop. */
final class SoakStats {
    final AtomicInteger open = new AtomicInteger();
    final LongAdder connects = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    /** Guests logged in again because their access token expired. */
    final LongAdder relogins = new LongAdder();
    final Counters connectFailures = new Counters();
    final Counters joinFailures = new Counters();
    /** Closes the bench did not ask for, by close code. */
    final Counters closes = new Counters();
    final Counters serverErrors = new Counters();
    final Counters socketErrors = new Counters();
    final LongAdder chatSent = new LongAdder();
    final LongAdder chatAcked = new LongAdder();
    /** {@code chat.message} frames received (every member of a room gets each line). */
    final LongAdder chatReceived = new LongAdder();
    final LongAdder matchesStarted = new LongAdder();
    final LongAdder matchesFinished = new LongAdder();
    /** Matches that failed, by the step that failed and its reason. */
    final Counters matchFailures = new Counters();
}
