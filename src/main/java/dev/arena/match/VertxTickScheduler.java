package dev.arena.match;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Runs matches on one Vert.x {@link Context}: the match's state is only ever touched by its event-loop thread. All the
 * matches of the context share one Vert.x timer over a {@link TimerQueue}, set for the earliest tick due, and their
 * ticks start on a shared grid ({@link #tickBase}), so matches of one rate tick at the same few instants: one wake
 * runs a batch of them back to back, and their frames reach each connection's event loop in one hand-off
 * ({@code gateway.ws.WriteLoop}) instead of one per match. Vert.x timers have millisecond resolution; {@link TickPacer}
 * keeps each match's average rate exact (a 60 Hz match alternates 16 and 17 ms waits).
 */
public final class VertxTickScheduler implements TickScheduler {
    /**
     * The grid that ticks start on. 5 ms puts 20 Hz matches into ten phases: a wake runs a tenth of them, a short
     * burst (about 1 ms at 250 matches per context), and an input waits for its tick no longer than before.
     */
    static final long PHASE_NANOS = 5_000_000L;

    private final Context context;
    private final Vertx vertx;
    private final TimerQueue queue = new TimerQueue();
    private final Handler<Long> wake = this::wake;
    /** The armed Vert.x timer, or -1; {@link #timerAt} is the due time it was set for. */
    private long timerId = -1;
    private long timerAt;
    /** A wake is running its batch: timers set meanwhile are armed once, after it. */
    private boolean waking;

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
        Cancellable c = queue.add(nanoTime() + Math.max(0, delayNanos), task);
        arm();
        return c;
    }

    /** The next multiple of {@link #PHASE_NANOS} on the clock: matches started within 5 ms of each other tick together. */
    @Override
    public long tickBase() {
        return alignUp(nanoTime(), PHASE_NANOS);
    }

    static long alignUp(long nanos, long grid) {
        return nanos + Math.floorMod(-nanos, grid);
    }

    @Override
    public boolean inOwner() {
        return Vertx.currentContext() == context;
    }

    public Context context() {
        return context;
    }

    /** Sets the Vert.x timer for the earliest entry, unless one is set for that time or earlier. */
    private void arm() {
        if (waking) {
            return;
        }
        long next = queue.nextAt();
        if (next == Long.MAX_VALUE || timerId >= 0 && timerAt - next <= 0) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        long ms = Math.max(1, (next - nanoTime() + 999_999) / 1_000_000);
        timerAt = next;
        timerId = vertx.setTimer(ms, wake);
    }

    private void wake(long id) {
        if (id != timerId) {
            return; // cancelled while already queued
        }
        timerId = -1;
        waking = true;
        try {
            queue.runDue(System::nanoTime);
        } finally {
            waking = false;
        }
        arm();
    }
}
