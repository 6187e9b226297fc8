package dev.arena.metrics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Rates from cumulative counters, judged by the times the caller passes (the injected clock), not by how often it
 * is called. Per key it keeps the readings of the last minute: {@link #perSecond} is the change since the previous
 * reading divided by the time between them, {@link #perMinute} the change over the oldest reading still inside the
 * minute, scaled to 60 s. A counter that went down (a restarted meter) counts from zero again, never negative.
 * Not thread-safe: one sampler owns it.
 */
final class Rates {
    private static final long MINUTE_MS = 60_000;

    private record Reading(long atMs, double value) {}

    private final Map<String, Deque<Reading>> readings = new HashMap<>();
    private final Map<String, Double> perSecond = new HashMap<>();
    private final Map<String, Double> perMinute = new HashMap<>();

    /** Records a counter's cumulative value at {@code atMs}; then its rates can be read. */
    void record(String key, double cumulative, long atMs) {
        Deque<Reading> d = readings.computeIfAbsent(key, k -> new ArrayDeque<>());
        Reading last = d.peekLast();
        if (last != null && cumulative < last.value()) {
            d.clear(); // reset: start over rather than report a negative rate
            last = null;
        }
        if (last != null && atMs <= last.atMs()) {
            return; // the clock did not move: keep the previous rates
        }
        perSecond.put(key, last == null ? 0 : (cumulative - last.value()) * 1000.0 / (atMs - last.atMs()));
        d.addLast(new Reading(atMs, cumulative));
        while (d.size() > 2 && d.peekFirst().atMs() < atMs - MINUTE_MS) {
            d.removeFirst();
        }
        Reading first = d.peekFirst();
        // until a minute has passed, the change so far extrapolated to a minute would overstate a burst: report the
        // plain count instead, which becomes the true per-minute rate once the window is full
        double span = atMs - first.atMs();
        perMinute.put(key, span < MINUTE_MS ? cumulative - first.value()
                : (cumulative - first.value()) * MINUTE_MS / span);
    }

    double perSecond(String key) {
        return perSecond.getOrDefault(key, 0.0);
    }

    double perMinute(String key) {
        return perMinute.getOrDefault(key, 0.0);
    }
}
