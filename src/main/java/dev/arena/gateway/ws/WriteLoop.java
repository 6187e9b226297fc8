package dev.arena.gateway.ws;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the queued frames of one event loop's connections. A room's fan-out queues one frame on each member's
 * {@link Outbound}; each connection that had nothing waiting is linked into this loop's list (through
 * {@link Outbound#nextDirty}, so linking allocates nothing), and the first link of a batch wakes the loop with one
 * task. The task then writes every listed connection's frames and flushes each once: a broadcast costs one task per
 * event loop instead of one per recipient, and a socket with several frames waiting gets them in one write syscall.
 */
final class WriteLoop {
    private static final Logger log = LoggerFactory.getLogger(WriteLoop.class);
    private final Context context;
    /** A stack of connections to drain (newest first), linked through {@link Outbound#nextDirty}. */
    private final AtomicReference<Outbound> top = new AtomicReference<>();
    private final Handler<Void> task = v -> drainAll();

    WriteLoop(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }

    /** Links a connection with frames waiting (at most once until its drain starts: {@link Outbound} ensures it). */
    void schedule(Outbound o) {
        Outbound was;
        do {
            was = top.get();
            o.nextDirty = was;
        } while (!top.compareAndSet(was, o));
        if (was == null) {
            context.runOnContext(task);
        }
    }

    private void drainAll() {
        Outbound o = reverse(top.getAndSet(null)); // oldest first: the first to queue is the first written
        while (o != null) {
            Outbound next = o.nextDirty;
            o.nextDirty = null;
            try {
                o.drain();
            } catch (RuntimeException e) {
                log.warn("writing to a socket failed", e); // one broken socket must not hold up the others
            }
            o = next;
        }
    }

    private static Outbound reverse(Outbound o) {
        Outbound reversed = null;
        while (o != null) {
            Outbound next = o.nextDirty;
            o.nextDirty = reversed;
            reversed = o;
            o = next;
        }
        return reversed;
    }
}
