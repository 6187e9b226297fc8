package dev.arena.common;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The bounded inbox of a single-owner object (a room, a match): any thread may {@link #offer}; the owner
 * handles messages one at a time on its own context, so its state needs no locks.
 *
 * <p>Overflow rule: {@link #offer} refuses (returns false) when {@code capacity} messages wait; the caller
 * decides what a refusal means (a "busy" error to a client, a dropped event counted in a metric).
 * Each drain handles at most {@code batch} messages before yielding the event loop to other work.
 */
public final class Inbox<T> {
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final int capacity;
    private final int batch;
    private final Context context;
    private final Consumer<T> handler;

    public Inbox(int capacity, int batch, Context context, Consumer<T> handler) {
        this.capacity = capacity;
        this.batch = batch;
        this.context = context;
        this.handler = handler;
    }

    public boolean offer(T message) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(message);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
        return true;
    }

    private void drain() {
        scheduled.set(false);
        for (int i = 0; i < batch; i++) {
            T m = queue.poll();
            if (m == null) {
                return;
            }
            size.decrementAndGet();
            handler.accept(m);
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /**
     * Queues a message past the capacity. Only for control messages whose loss would leak state (a member
     * leaving); they are few, one per connection at most, so the bound still holds in practice.
     */
    public void force(T message) {
        size.incrementAndGet();
        queue.add(message);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    public int size() {
        return size.get();
    }

    public Context context() {
        return context;
    }
}
