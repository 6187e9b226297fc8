package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-recipient half of a delivery: a frame queued on a connection's {@link Outbound} and written. Unlike the
 * room fan-out ({@code room.FanOutAllocationTest}, under a byte per frame) this path allocates per recipient today:
 * a queue node per frame and a task per wake-up. The ceiling pins today's cost so it cannot grow unnoticed; an
 * allocation-free queue (an array ring) is the lever that would lower it (docs/BENCHMARKS.md, issue 15).
 */
class OutboundAllocationTest {
    private static final int QUEUES = 500;
    private static final int ROUNDS = 400;
    /**
     * Measured 2026-12-06: 64.0 bytes per frame, a ConcurrentLinkedQueue node (24 B) and the wake-up task queued on
     * the event loop (one per frame here, as each round drains every queue). The ceiling leaves an eighth of margin.
     */
    private static final double MAX_BYTES_PER_FRAME = 72.0;

    @Test
    void aQueuedFrameCostsNoMoreThanTodaysQueueNodeAndWakeUp() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            long[] written = {0};
            List<Outbound> queues = new ArrayList<>();
            for (int i = 0; i < QUEUES; i++) {
                queues.add(new Outbound(1024, context, f -> {
                    written[0]++;
                    return true;
                }, c -> { }));
            }
            String frame = "{\"type\":\"room.message\"}";
            long thread = run(context, () -> Thread.currentThread().threadId());
            var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = 0;
            for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
                if (pass == 1) {
                    before = mx.getThreadAllocatedBytes(thread);
                }
                for (int r = 0; r < ROUNDS; r++) {
                    // as a room does: one event to every member on the owning thread, then the loop writes
                    run(context, () -> {
                        for (Outbound q : queues) {
                            q.offer(frame);
                        }
                        return null;
                    });
                }
            }
            long bytes = mx.getThreadAllocatedBytes(thread) - before;
            long want = 2L * ROUNDS * QUEUES;
            while (run(context, () -> written[0]) < want) {
                Thread.onSpinWait();
            }
            double perFrame = (double) bytes / ((long) ROUNDS * QUEUES);
            System.out.printf("outbound queue: %.1f bytes allocated per queued and written frame%n", perFrame);
            assertThat(perFrame).isLessThan(MAX_BYTES_PER_FRAME);
        } finally {
            vertx.close();
        }
    }

    private static <T> T run(Context context, java.util.function.Supplier<T> s) throws Exception {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> p.complete(s.get()));
        return p.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
