package dev.arena.match;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded inbox of one match: any thread offers, only the tick drains (unlike
 * {@link dev.arena.common.Inbox}, which drains as soon as something arrives, a match applies its input at tick
 * boundaries, with a per-player budget).
 *
 * <p>Overflow rule: {@link #offer} refuses when {@code capacity} commands wait; the caller answers
 * {@code busy}. {@link #force} goes past the bound, for the few commands whose loss would leave a seat
 * or a spectator behind (leave, disconnect, stop): at most one or two per connection.
 */
final class MatchInbox<T> {
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    MatchInbox(int capacity) {
        this.capacity = capacity;
    }

    boolean offer(T message) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(message);
        return true;
    }

    void force(T message) {
        size.incrementAndGet();
        queue.add(message);
    }

    T poll() {
        T m = queue.poll();
        if (m != null) {
            size.decrementAndGet();
        }
        return m;
    }

    int size() {
        return size.get();
    }
}
