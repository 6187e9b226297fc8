package dev.arena.gateway.ws;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Merges the flushes of one socket within one event-loop turn. A broadcast reaches a member as one frame
 * write, and Vert.x flushes every write made outside a read: one {@code write} syscall per frame per
 * member. With the consolidation handler at the head of the pipeline, frames written in the same turn
 * (a drain of several queued frames, or several rooms' deliveries) leave in one syscall. Latency is
 * unchanged: the flush still happens before the event loop moves on.
 *
 * <p>This reaches into Vert.x's connection implementation (there is no public pipeline hook); if a
 * future Vert.x changes it, sockets simply keep one flush per frame.
 */
final class WriteCoalescing {
    private static final String NAME = "arena-flush-consolidation";
    /** Flush at least every this many writes even within one turn, to bound what waits in memory. */
    private static final int MAX_WRITES_PER_FLUSH = 64;

    private WriteCoalescing() {}

    static void install(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            var pipeline = base.channel().pipeline();
            if (pipeline.get(NAME) == null) {
                pipeline.addFirst(NAME, new FlushConsolidationHandler(MAX_WRITES_PER_FLUSH, true));
            }
        }
    }
}
