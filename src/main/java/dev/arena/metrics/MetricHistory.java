package dev.arena.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} merged samples (an hour at one a second), each kept as the JSON text it was sent as,
 * so history and stream serialise a sample once. A ring buffer: the oldest is overwritten. Thread-safe (the
 * sampler appends, HTTP event loops read), with a lock held only to copy references.
 */
public final class MetricHistory {
    private final String[] ring;
    private final long[] at;
    private int next;
    private int size;

    public MetricHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        ring = new String[capacity];
        at = new long[capacity];
    }

    public synchronized void add(long atMs, String json) {
        ring[next] = json;
        at[next] = atMs;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The samples taken at or after {@code sinceMs}, oldest first. */
    public synchronized List<String> since(long sinceMs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int idx = (next - size + i + ring.length) % ring.length;
            if (at[idx] >= sinceMs) {
                out.add(ring[idx]);
            }
        }
        return out;
    }

    public synchronized int size() {
        return size;
    }
}
