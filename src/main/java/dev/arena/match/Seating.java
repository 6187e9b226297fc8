package dev.arena.match;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in one match: the seats (joins, reconnects, leaves, forfeits after the reconnect grace, each player's
 * input budget per tick), the spectators, and for a lobby game the {@link HostControls} (ready check, host start,
 * kicks) and when the match starts. Owner-only, like the {@link MatchRun} it changes.
 */
final class Seating<C, S, I> {
    /** The reason of the {@link LogEntry.Left} of a kicked player. */
    static final String KICKED = "kicked";

    /** A player's seat. */
    private static final class Seat {
        /**
         * The seated player's id, one object for the match: the log's entries name it instead of the id each input
         * arrived with, as a running match keeps every accepted input (thousands a second on a busy node) until it
         * ends, and each kept object is copied into the old generation by the young collections.
         */
        final PlayerId player;
        boolean connected = true;
        long forfeitAt = -1;
        /** Inputs taken in tick {@link #budgetTick}; a later tick starts from a full budget. */
        int usedThisTick;
        long budgetTick;

        Seat(PlayerId player) {
            this.player = player;
        }
    }

    private final MatchRun<C, S, I> run;
    /** Null for a game that starts by itself. */
    private final HostControls lobby;
    private final long graceTicks;
    private final long lobbyTicks;
    private final Map<PlayerId, Seat> seats = new LinkedHashMap<>();
    /** Players who left a running match (a forfeit): they cannot join again. */
    private final Set<PlayerId> departed = new HashSet<>();
    private final Set<PlayerId> spectators = new LinkedHashSet<>();
    private boolean changed;
    private List<MatchView.PlayerView> views = List.of();
    private long lobbyFor;
    private boolean hostStart;

    Seating(MatchRun<C, S, I> run, PlayerId host) {
        this.run = run;
        this.lobby = host == null ? null : new HostControls(host);
        this.graceTicks = run.info.ticks(run.config.reconnectGrace());
        this.lobbyTicks = run.info.ticks(run.config.lobbyTimeout());
    }

    Set<PlayerId> seated() {
        return seats.keySet();
    }

    Set<PlayerId> departed() {
        return departed;
    }

    /** Every tick of every match asks: a plain loop, no stream pipeline per tick. */
    boolean anyoneConnected() {
        for (Seat s : seats.values()) {
            if (s.connected) {
                return true;
            }
        }
        return false;
    }

    int spectatorCount() {
        return spectators.size();
    }

    PlayerId host() {
        return lobby == null ? null : lobby.host();
    }

    /** The players as published, rebuilt only after a change. */
    List<MatchView.PlayerView> views() {
        if (changed) {
            List<MatchView.PlayerView> out = new ArrayList<>(seats.size());
            for (Map.Entry<PlayerId, Seat> e : seats.entrySet()) {
                Seat s = e.getValue();
                out.add(new MatchView.PlayerView(e.getKey(), s.connected, s.connected ? null : s.forfeitAt,
                        lobby == null ? null : lobby.ready(e.getKey())));
            }
            views = List.copyOf(out);
            changed = false;
        }
        return views;
    }

    /**
     * Applies one input at tick {@code n}; true when the rules accepted it (it changed the state). Whatever the
     * verdict, a seated player's numbered input ({@code seq}) is acknowledged in this tick.
     */
    boolean input(PlayerId player, I input, long seq, long n) {
        Seat seat = seats.get(player);
        if (seat == null) {
            run.refuse(player, n, spectators.contains(player) ? MatchCodes.SPECTATOR : MatchCodes.NOT_PARTICIPANT,
                    spectators.contains(player) ? "spectators cannot send input" : "not a player of this match");
            return false;
        }
        run.acks.took(player, seq);
        if (seat.budgetTick != n) { // the budget is per tick: refilled here, not by a pass over every seat each tick
            seat.budgetTick = n;
            seat.usedThisTick = 0;
        }
        if (seat.usedThisTick >= run.config.inputsPerTick()) {
            run.dropped++;
            run.safely(() -> run.listener.inputDropped(run.id, player, n));
            return false;
        }
        seat.usedThisTick++;
        if (!seat.connected) {
            run.refuse(player, n, MatchCodes.NOT_CONNECTED, "reconnect (join) before sending input");
            return false;
        }
        if (run.status != MatchStatus.RUNNING) {
            run.refuse(player, n, MatchCodes.NOT_STARTED, "the match has not started");
            return false;
        }
        return switch (run.rules.input(run.state, player, input)) {
            case InputResult.Accepted<S> a -> {
                run.accepted++;
                run.state = a.state();
                run.eventLog.add(new LogEntry.Input<>(n, seat.player, input));
                for (GameEvent e : a.events()) {
                    run.emit(e, n);
                }
                yield true;
            }
            case InputResult.Rejected<S> r -> {
                run.refuse(player, n, r.code(), r.message());
                yield false;
            }
        };
    }

    void join(LoopCommand.Join<I> j, long n) {
        PlayerId p = j.player();
        Seat seat = seats.get(p);
        if (seat != null) {
            if (!seat.connected) {
                seat.connected = true;
                seat.forfeitAt = -1;
                changed = true;
                run.emit(new MatchEvent.PlayerReconnected(p), n);
            }
            run.viewReplies.add(j.reply());
            return;
        }
        if (departed.contains(p)) {
            j.reply().fail(new ArenaException.Rejected(MatchCodes.FORFEITED, "you left this match"));
            return;
        }
        if (lobby != null && lobby.kicked(p)) {
            j.reply().fail(new ArenaException.Rejected(MatchCodes.KICKED, "the host removed you from this game"));
            return;
        }
        if (seats.size() >= run.maxPlayers) {
            j.reply().fail(new ArenaException.Rejected(MatchCodes.FULL, "every seat is taken"));
            return;
        }
        if (run.rules.canJoin(run.state, p) instanceof JoinDecision.Refuse r) {
            j.reply().fail(new ArenaException.Rejected(r.code(), r.message()));
            return;
        }
        Step<S> step = run.rules.join(run.state, p);
        seats.put(p, new Seat(p));
        spectators.remove(p);
        changed = true;
        run.eventLog.add(new LogEntry.Joined<>(n, p));
        run.emit(new MatchEvent.PlayerJoined(p), n);
        run.apply(step, n);
        if (lobby != null && lobby.seated(p) != null) {
            run.emit(new MatchEvent.HostChanged(p), n);
        }
        run.viewReplies.add(j.reply());
    }

    /** Frees the seat; a forfeit once running. Returns whether the player held one. */
    boolean leave(PlayerId p, long n, String reason) {
        if (seats.remove(p) == null) {
            return false;
        }
        run.acks.forget(p);
        changed = true;
        boolean forfeit = run.status == MatchStatus.RUNNING;
        if (forfeit) {
            departed.add(p);
        }
        Step<S> step = run.rules.leave(run.state, p);
        run.eventLog.add(new LogEntry.Left<>(n, p, reason));
        run.emit(switch (reason) {
            case KICKED -> new MatchEvent.PlayerKicked(p);
            case "left" -> new MatchEvent.PlayerLeft(p);
            default -> forfeit ? new MatchEvent.PlayerForfeited(p) : new MatchEvent.PlayerLeft(p);
        }, n);
        run.apply(step, n);
        if (lobby != null && !forfeit) {
            PlayerId newHost = reason.equals(KICKED) ? null : lobby.left(p, seats.keySet());
            if (newHost != null) {
                run.emit(new MatchEvent.HostChanged(newHost), n);
            }
        }
        return true;
    }

    void disconnect(PlayerId p, long n) {
        Seat seat = seats.get(p);
        if (seat == null || !seat.connected) {
            return;
        }
        seat.connected = false;
        seat.forfeitAt = n + graceTicks;
        changed = true;
        run.emit(new MatchEvent.PlayerDisconnected(p, seat.forfeitAt), n);
    }

    /** Players whose reconnect grace has run out forfeit. */
    void expireGrace(long n) {
        List<PlayerId> out = null;
        for (Map.Entry<PlayerId, Seat> e : seats.entrySet()) {
            Seat s = e.getValue();
            if (!s.connected && s.forfeitAt <= n) {
                (out == null ? out = new ArrayList<>() : out).add(e.getKey());
            }
        }
        if (out != null) {
            for (PlayerId p : out) {
                leave(p, n, "grace_expired");
            }
        }
    }

    void spectate(LoopCommand.Spectate<I> s) {
        if (!seats.containsKey(s.viewer()) && !spectators.contains(s.viewer())) {
            if (spectators.size() >= run.config.maxSpectators()) {
                s.reply().fail(new ArenaException.Rejected(MatchCodes.TOO_MANY_SPECTATORS,
                        "this match has its maximum of spectators"));
                return;
            }
            spectators.add(s.viewer());
            changed = true;
        }
        run.viewReplies.add(s.reply());
    }

    void unspectate(PlayerId viewer) {
        if (spectators.remove(viewer)) {
            changed = true;
        }
    }

    /**
     * A waiting match with enough players starts: one that starts by itself at once when full, else after the
     * lobby timeout; a lobby game when everyone seated is ready or the host started it in this tick.
     */
    void maybeStart(long n) {
        if (run.status != MatchStatus.WAITING) {
            return;
        }
        if (seats.size() < run.info.players().min()) {
            lobbyFor = 0;
            hostStart = false;
            return;
        }
        if (lobby != null) {
            // a lobby game: the ready check or the host, never a timer (HostControls)
            if (!hostStart && !lobby.everyoneReady(seats.keySet(), run.info.players().min())) {
                return;
            }
        } else if (seats.size() < run.maxPlayers && lobbyFor++ < lobbyTicks) {
            return;
        }
        run.status = MatchStatus.RUNNING;
        run.eventLog.add(new LogEntry.Started<>(n));
        run.emit(new MatchEvent.MatchStarted(n), n);
        run.apply(run.rules.start(run.state, n), n);
    }

    // ---- lobby commands (HostControls decides; the seating applies) ------------------------------------

    void ready(LoopCommand.Ready<I> r, long n) {
        answer(r.reply(), ready(r.player(), r.ready(), n));
    }

    void start(LoopCommand.Start<I> s) {
        answer(s.reply(), requestStart(s.by(), s.force()));
    }

    void kick(LoopCommand.Kick<I> k, long n) {
        answer(k.reply(), kick(k.by(), k.target(), n));
    }

    private ArenaException ready(PlayerId p, boolean value, long n) {
        ArenaException refusal = lobbyOnly();
        if (refusal != null) {
            return refusal;
        }
        if (!seats.containsKey(p)) {
            return new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "not a player of this match");
        }
        if (lobby.setReady(p, value)) {
            changed = true;
            run.emit(new MatchEvent.PlayerReady(p, value), n);
        }
        return null;
    }

    /** Validated now, applied by {@link #maybeStart} later in this same tick. */
    private ArenaException requestStart(PlayerId by, boolean force) {
        ArenaException refusal = lobbyOnly();
        if (refusal == null) {
            refusal = lobby.checkStart(by, force, run.status == MatchStatus.WAITING, seats.keySet(),
                    run.info.players().min());
        }
        if (refusal == null) {
            hostStart = true;
        }
        return refusal;
    }

    private ArenaException kick(PlayerId by, PlayerId target, long n) {
        ArenaException refusal = lobbyOnly();
        if (refusal == null) {
            refusal = lobby.checkKick(by, target, run.status == MatchStatus.WAITING, seats.keySet());
        }
        if (refusal == null) {
            leave(target, n, KICKED);
            lobby.kicked(target, seats.keySet());
        }
        return refusal;
    }

    private ArenaException lobbyOnly() {
        if (lobby == null) {
            return new ArenaException.Rejected(MatchCodes.AUTO_START,
                    "this game starts by itself once its players are seated");
        }
        if (run.status != MatchStatus.WAITING) {
            return new ArenaException.Rejected(MatchCodes.ALREADY_STARTED, "the game has started");
        }
        return null;
    }

    /** A lobby command's answer: the snapshot of this tick, or its refusal. */
    private void answer(Promise<MatchView> reply, ArenaException refusal) {
        if (refusal == null) {
            run.viewReplies.add(reply);
        } else {
            reply.tryFail(refusal);
        }
    }
}
