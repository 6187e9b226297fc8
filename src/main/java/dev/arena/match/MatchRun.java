package dev.arena.match;

import dev.arena.common.PlayerId;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one match that only its owner touches (one {@link TickScheduler} owner, no locks), shared by the
 * parts of the loop: {@link MatchLoop} (the tick), {@link Seating} (seats, spectators, the lobby) and
 * {@link RelayedResult}. Holds the game state, the action log, this tick's frame, the input acknowledgements and the counters.
 */
final class MatchRun<C, S, I> {
    private static final Logger log = LoggerFactory.getLogger(MatchLoop.class);

    final MatchId id;
    final GameInfo info;
    final GameRules<C, S, I> rules;
    final MatchConfig config;
    final MatchListener listener;
    final EventLog<I> eventLog;
    /** Seats in this match, within the game's limits. */
    final int maxPlayers;

    S state;
    long tick;
    MatchStatus status = MatchStatus.WAITING;
    /** This tick's events, sent to the listener as one frame after the tick. */
    final List<GameEvent> frame = new ArrayList<>();
    /** Joiners, spectators and lobby commands, answered with the snapshot published after this tick. */
    final List<Promise<MatchView>> viewReplies = new ArrayList<>();
    /** The players' input acknowledgements: the frame's and the snapshot's. */
    final InputAcks acks = new InputAcks();
    long accepted;
    long rejected;
    long dropped;

    MatchRun(MatchId id, GameInfo info, GameRules<C, S, I> rules, MatchConfig config, MatchListener listener,
             EventLog<I> eventLog, int maxPlayers, S initial) {
        this.id = id;
        this.info = info;
        this.rules = rules;
        this.config = config;
        this.listener = listener;
        this.eventLog = eventLog;
        this.maxPlayers = maxPlayers;
        this.state = initial;
    }

    void apply(Step<S> step, long n) {
        state = step.state();
        for (GameEvent e : step.events()) {
            emit(e, n);
        }
    }

    /** Events go to this tick's frame only: the log keeps the actions, and {@link Replay} regenerates events. */
    void emit(GameEvent e, long n) {
        frame.add(e);
    }

    void refuse(PlayerId player, long n, String code, String message) {
        rejected++;
        safely(() -> listener.inputRejected(id, player, n, code, message));
    }

    /** A failing listener is logged; it never stops the match. */
    void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("match {}: listener failed", id, e);
        }
    }
}
