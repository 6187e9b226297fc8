package dev.arena.gateway.ws;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The bounded queue of frames waiting for one client. Any thread may {@link #offer}; frames are written on
 * the connection's own event loop, as fast as the socket takes them.
 *
 * <p>Overflow rule: when {@code capacity} frames are waiting, the client is not reading fast enough, and
 * the connection is cut ({@code onOverflow}). The only alternative that does not hold up the room's other
 * members, or grow memory without limit, is dropping frames, which silently breaks the client's view of
 * the room; a clean close tells it to reconnect and resume instead.
 */
final class Outbound {
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final int capacity;
    private final Context context;
    private final Predicate<String> writer;
    private final Consumer<Integer> onOverflow;
    private volatile boolean closed;
    /** Set by {@link #finish}: no new frames; run once the queue is written. */
    private volatile Runnable whenFlushed;

    /**
     * @param writer writes one frame on the event loop; returns false when the socket's own write queue is
     *               full (the drain then waits for {@link #resume})
     */
    Outbound(int capacity, Context context, Predicate<String> writer, Consumer<Integer> onOverflow) {
        this.capacity = capacity;
        this.context = context;
        this.writer = writer;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; false when the connection is closed or has just overflowed. */
    boolean offer(String frame) {
        if (closed || whenFlushed != null) {
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            closed = true;
            context.runOnContext(v -> onOverflow.accept(capacity));
            return false;
        }
        queue.add(frame);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
        return true;
    }

    /** Writes queued frames until the socket pushes back. Event loop only. */
    void drain() {
        scheduled.set(false);
        String frame;
        while (!closed && (frame = queue.peek()) != null) {
            if (!writer.test(frame)) {
                return; // the socket's drain handler calls resume()
            }
            queue.poll();
            size.decrementAndGet();
        }
        Runnable done = whenFlushed;
        if (done != null && !closed && queue.isEmpty()) {
            closed = true;
            done.run();
        }
    }

    /** Refuses new frames, writes the queued ones, then runs {@code done} (on the event loop). */
    void finish(Runnable done) {
        whenFlushed = done;
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    void resume() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    int size() {
        return size.get();
    }

    void close() {
        closed = true;
        queue.clear();
    }
}
