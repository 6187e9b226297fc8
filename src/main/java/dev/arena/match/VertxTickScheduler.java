package dev.arena.match;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Runs a match on one Vert.x {@link Context}: timers are set from that context, so they fire on it, and the
 * match's state is only ever touched by its event-loop thread. Vert.x timers have millisecond resolution;
 * {@link TickPacer} keeps the average rate exact (a 60 Hz match alternates 16 and 17 ms waits).
 */
public final class VertxTickScheduler implements TickScheduler {
    private final Context context;
    private final Vertx vertx;

    public VertxTickScheduler(Context context) {
        this.context = Objects.requireNonNull(context, "context");
        this.vertx = context.owner();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        if (inOwner()) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        if (!inOwner()) {
            throw new IllegalStateException("timers of a match must be set from its own context");
        }
        long ms = Math.max(1, (delayNanos + 999_999) / 1_000_000);
        long id = vertx.setTimer(ms, t -> task.run());
        return () -> vertx.cancelTimer(id);
    }

    @Override
    public boolean inOwner() {
        return Vertx.currentContext() == context;
    }

    public Context context() {
        return context;
    }
}
