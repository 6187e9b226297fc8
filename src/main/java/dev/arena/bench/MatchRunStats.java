package dev.arena.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What every {@link MatchClient} of a {@code matches} run reports into; safe from every event loop. */
final class MatchRunStats {
    final LongAdder connected = new LongAdder();
    final LongAdder attached = new LongAdder();
    final LongAdder gamesCreated = new LongAdder();
    /** Failed setup steps by step and reason ({@code create: HTTP 400}, {@code match.join: timeout}, ...). */
    final Counters setupFailures = new Counters();
    final Counters closes = new Counters();
    /** {@code error} frames by code: mostly the rules refusing an input the bot thought valid (still acknowledged). */
    final Counters serverErrors = new Counters();
    final Counters socketErrors = new Counters();
    /** {@code match.end} received before the bench left, by reason. */
    final Counters ends = new Counters();
    final LongAdder otherFrames = new LongAdder();
    final LongAdder frames = new LongAdder();
    final LongAdder writeQueueFull = new LongAdder();
    /** Turns at which the bot had nothing sensible to send (its move still awaiting its acknowledgement, or out). */
    final LongAdder idle = new LongAdder();
    /** Inputs never acknowledged within {@link BattleBot#TIMEOUT_NANOS}. */
    final LongAdder unmatched = new LongAdder();
    /** Measured inputs acknowledged. */
    final LongAdder matched = new LongAdder();
    final LongAdder sentTotal = new LongAdder();
    private final Map<BattleBot.Kind, LongAdder> sentInWindow = new EnumMap<>(BattleBot.Kind.class);
    final LatencyStats latency = new LatencyStats();
    /** The same latencies by the input's kind. */
    final Map<BattleBot.Kind, LatencyStats> latencyByKind = new EnumMap<>(BattleBot.Kind.class);
    /** Set before the first input is sent. */
    volatile Window window;
    /** Set when the run ends: later frames are ignored. */
    volatile boolean frozen;

    MatchRunStats() {
        for (BattleBot.Kind k : BattleBot.Kind.values()) {
            sentInWindow.put(k, new LongAdder());
            latencyByKind.put(k, new LatencyStats());
        }
    }

    void sent(BattleBot.Kind kind, boolean inWindow) {
        sentTotal.increment();
        if (inWindow) {
            sentInWindow.get(kind).increment();
        }
    }

    long sentInWindow(BattleBot.Kind kind) {
        return sentInWindow.get(kind).sum();
    }

    long sentInWindow() {
        long n = 0;
        for (LongAdder a : sentInWindow.values()) {
            n += a.sum();
        }
        return n;
    }
}
