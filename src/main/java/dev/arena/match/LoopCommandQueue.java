package dev.arena.match;

import dev.arena.common.ArenaException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The any-thread side of a match's bounded inbox. Commands that may wait are refused with {@code busy} when the
 * inbox is full (and counted); leaving, disconnecting, reports and stops are forced in, since refusing them would
 * lose a departure. Once the match has ended, a command is answered at once, and whatever a race left queued is
 * answered by {@link #rejectLeftovers} (each command is polled once, so any thread may call it).
 */
final class LoopCommandQueue<I> {
    private final MatchInbox<LoopCommand<I>> inbox;
    /** The latest published snapshot, the answer to a spectator who comes too late. */
    private final Supplier<MatchView> view;
    private final AtomicLong busy = new AtomicLong();
    private volatile boolean closed;

    LoopCommandQueue(int capacity, Supplier<MatchView> view) {
        this.inbox = new MatchInbox<>(capacity);
        this.view = view;
    }

    boolean closed() {
        return closed;
    }

    long busy() {
        return busy.get();
    }

    /** Queues an input; false (counted as busy) when the inbox is full. */
    boolean offer(LoopCommand.Input<I> input) {
        if (!inbox.offer(input)) {
            busy.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Queues a command that may be refused with {@code busy}; {@code ifClosed} answers it once the match ended. */
    <T> Future<T> ask(LoopCommand<I> command, Promise<T> reply, Consumer<Promise<T>> ifClosed) {
        if (closed) {
            ifClosed.accept(reply);
        } else if (!inbox.offer(command)) {
            busy.incrementAndGet();
            reply.fail(new ArenaException.Rejected(MatchCodes.BUSY, "the match is busy; retry"));
        } else if (closed) {
            rejectLeftovers();
        }
        return reply.future();
    }

    /** Queues a command that must not be lost to a full inbox; {@code ifClosed} answers it once the match ended. */
    <T> Future<T> force(LoopCommand<I> command, Promise<T> reply, Consumer<Promise<T>> ifClosed) {
        if (closed) {
            ifClosed.accept(reply);
            return reply.future();
        }
        inbox.force(command);
        if (closed) {
            rejectLeftovers();
        }
        return reply.future();
    }

    /** As {@link #force}, for a command without an answer; dropped once the match ended. */
    void tell(LoopCommand<I> command) {
        if (!closed) {
            inbox.force(command);
        }
    }

    /** Owner: the commands waiting now; those arriving later wait for the next tick. */
    int size() {
        return inbox.size();
    }

    /** Owner: the next command, or null. */
    LoopCommand<I> poll() {
        return inbox.poll();
    }

    /** The match has ended: no command is queued any more, and those still waiting are answered. */
    void close() {
        closed = true;
        rejectLeftovers();
    }

    /** Answers whatever is still queued after the end. Safe from any thread: each command is polled once. */
    private void rejectLeftovers() {
        LoopCommand<I> c;
        while ((c = inbox.poll()) != null) {
            switch (c) {
                case LoopCommand.Join<I> j -> j.reply().tryFail(ended());
                case LoopCommand.Spectate<I> s -> s.reply().tryComplete(view.get());
                case LoopCommand.Leave<I> l -> l.reply().tryComplete(false);
                case LoopCommand.Report<I> r -> r.reply().tryFail(alreadyDecided());
                case LoopCommand.Ready<I> r -> r.reply().tryFail(ended());
                case LoopCommand.Start<I> s -> s.reply().tryFail(ended());
                case LoopCommand.Kick<I> k -> k.reply().tryFail(ended());
                default -> { }
            }
        }
    }

    static ArenaException ended() {
        return new ArenaException.Rejected(MatchCodes.ENDED, "the match has finished");
    }

    static ArenaException alreadyDecided() {
        return new ArenaException.Conflict("the match has finished: its result was already decided");
    }
}
