package dev.arena.match;

import dev.arena.common.ArenaException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running match. Its state is owned by one {@link TickScheduler} owner (one Vert.x context): no locks.
 * Any thread may offer it commands ({@link #offer}, {@link #join}, {@link #leave}, {@link #disconnected},
 * {@link #spectate}, and for lobby games {@link #ready}, {@link #startByHost}, {@link #kick}); they wait in a bounded {@link MatchInbox} and are applied at the next tick, in arrival
 * order, which is also the order of the {@link EventLog}.
 *
 * <h2>One tick ({@link #tick()})</h2>
 * <ol>
 *   <li>drain the commands waiting when the tick began (joins, leaves, disconnects, spectators, inputs); each
 *       player has a budget of {@code inputsPerTick} inputs per tick, the excess is dropped and counted;</li>
 *   <li>players whose reconnect grace has run out forfeit;</li>
 *   <li>a waiting match with enough players starts: one that starts by itself at once when full, else after
 *       the lobby timeout; a lobby game (with a host, {@link HostControls}) when everyone seated is ready or
 *       the host started it in this tick;</li>
 *   <li>a running match's rules advance one tick;</li>
 *   <li>the end checks: the rules' result, then the empty-match rule;</li>
 *   <li>the new state is published ({@link #view()} from any thread), the tick's frame goes to the listener,
 *       joiners and spectators get their snapshot, and a finished match reports its end.</li>
 * </ol>
 *
 * <p>Ticks come from a timer at the game's rate through {@link TickPacer} (catch-up limit) after
 * {@link #start()}; tests call {@link #tick()} directly instead.
 */
public final class MatchLoop<C, S, I> {
    private static final Logger log = LoggerFactory.getLogger(MatchLoop.class);
    /** The reason of the {@link LogEntry.Left} of a kicked player. */
    static final String KICKED = "kicked";

    private sealed interface Command<I> {}

    private record InputCmd<I>(PlayerId player, I input) implements Command<I> {}

    private record JoinCmd<I>(PlayerId player, Promise<MatchView> reply) implements Command<I> {}

    private record LeaveCmd<I>(PlayerId player, Promise<Boolean> reply) implements Command<I> {}

    private record DisconnectCmd<I>(PlayerId player) implements Command<I> {}

    private record SpectateCmd<I>(PlayerId viewer, Promise<MatchView> reply) implements Command<I> {}

    private record UnspectateCmd<I>(PlayerId viewer) implements Command<I> {}

    private record StopCmd<I>(String reason) implements Command<I> {}

    private record ReportCmd<I>(PlayerId by, MatchResult result, Promise<MatchResult> reply) implements Command<I> {}

    /** Lobby commands ({@link HostControls}): answered with the snapshot of their tick, or failed. */
    private record ReadyCmd<I>(PlayerId player, boolean ready, Promise<MatchView> reply) implements Command<I> {}

    private record StartCmd<I>(PlayerId by, boolean force, Promise<MatchView> reply) implements Command<I> {}

    private record KickCmd<I>(PlayerId by, PlayerId target, Promise<MatchView> reply) implements Command<I> {}

    /** A player's seat; owner-only. */
    private static final class Seat {
        boolean connected = true;
        long forfeitAt = -1;
        int usedThisTick;
    }

    /** What other threads may read: replaced (never modified) after every tick. */
    private record Published<S>(long tick, MatchStatus status, S state, List<MatchView.PlayerView> players,
                                int spectators, MatchResult result, MatchStats stats, PlayerId host) {}

    private final MatchId id;
    private final GameInfo info;
    private final GameRules<C, S, I> rules;
    private final MatchConfig config;
    /** The players report the result ({@link #report}); the rules never end the match. */
    private final boolean relayed;
    private final int maxPlayers;
    private final long graceTicks;
    private final long emptyTicks;
    private final long lobbyTicks;
    private final TickScheduler scheduler;
    private final MatchListener listener;
    private final MatchInbox<Command<I>> inbox;
    private final EventLog<I> eventLog;
    private final Promise<MatchEnd> ended = Promise.promise();
    private final AtomicLong busy = new AtomicLong();
    /** Null for a game that starts by itself; owner-only. */
    private final HostControls lobby;

    // Owner-only state.
    private S state;
    private long tick;
    private MatchStatus status = MatchStatus.WAITING;
    private final Map<PlayerId, Seat> seats = new LinkedHashMap<>();
    private final Set<PlayerId> departed = new HashSet<>();
    private final Set<PlayerId> spectators = new LinkedHashSet<>();
    private long emptyFor;
    private long lobbyFor;
    private String stopReason;
    private boolean hostStart;
    private MatchResult result;
    /** A relayed game's reported result, applied at the end of the tick that drained it, and who reported it. */
    private MatchResult reported;
    private PlayerId reporter;
    private final List<GameEvent> frame = new ArrayList<>();
    private final List<Promise<MatchView>> viewReplies = new ArrayList<>();
    private List<MatchView.PlayerView> playerViews = List.of();
    private boolean seatsChanged;
    private TickPacer pacer;
    private TickScheduler.Cancellable timer;
    private long skippedReported;
    private long accepted;
    private long rejected;
    private long dropped;
    private long lastTickNanos;
    private long maxTickNanos;

    private volatile Published<S> published;
    private volatile boolean finished;

    private MatchLoop(MatchId id, GameInfo info, GameRules<C, S, I> rules, boolean relayed, C settings,
                      MatchSpec spec, int maxPlayers, TickScheduler scheduler, MatchListener listener) {
        this.id = id;
        this.relayed = relayed;
        this.info = info;
        this.rules = rules;
        this.config = spec.config();
        this.maxPlayers = maxPlayers;
        this.graceTicks = info.ticks(config.reconnectGrace());
        this.emptyTicks = Math.max(1, info.ticks(config.emptyTimeout()));
        this.lobbyTicks = info.ticks(config.lobbyTimeout());
        this.scheduler = scheduler;
        this.listener = listener;
        this.inbox = new MatchInbox<>(config.inboxCapacity());
        this.eventLog = new EventLog<>(info.mode(), spec.seed(), spec.settings(), info.tickRate(), rules);
        this.state = rules.init(spec.seed(), settings);
        this.lobby = spec.host() == null ? null : new HostControls(spec.host());
        publish();
    }

    /**
     * Validates the game's settings and the seat count, and builds the match (not ticking yet: call
     * {@link #start()}, or drive {@link #tick()} by hand).
     *
     * @throws ArenaException.Invalid listing every invalid setting and {@code max_players} when out of the
     *                                game's limits
     */
    public static <C, S, I> MatchLoop<C, S, I> create(GameFactory<C, S, I> game, MatchSpec spec,
                                                      TickScheduler scheduler, MatchListener listener) {
        GameInfo info = game.info();
        List<ArenaException.FieldError> errors = new ArrayList<>();
        C settings = null;
        try {
            settings = game.settings(spec.settings());
        } catch (ArenaException.Invalid e) {
            errors.addAll(e.errors());
        }
        int maxPlayers = spec.config().maxPlayers() == 0 ? info.players().max() : spec.config().maxPlayers();
        if (!info.players().allows(maxPlayers)) {
            errors.add(new ArenaException.FieldError("max_players", "must be between " + info.players().min()
                    + " and " + info.players().max() + " for " + info.mode()));
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        return new MatchLoop<>(spec.id(), info, game.rules(), game.relayed(), settings, spec, maxPlayers, scheduler,
                listener);
    }

    // ---- any thread -------------------------------------------------------------------------------------

    public MatchId id() {
        return id;
    }

    public GameInfo game() {
        return info;
    }

    public GameRules<C, S, I> rules() {
        return rules;
    }

    public int maxPlayers() {
        return maxPlayers;
    }

    /** Begins ticking at the game's rate on the scheduler's owner. */
    public void start() {
        scheduler.execute(() -> {
            if (pacer != null || status == MatchStatus.FINISHED) {
                return;
            }
            pacer = new TickPacer(1_000_000_000L / info.tickRate(), config.maxCatchUpTicks(), scheduler.nanoTime());
            scheduleNext();
        });
    }

    /**
     * Queues one input in its JSON object form for the next tick. Decoding happens here, on the caller's
     * thread, so a malformed input is refused at once and never reaches the match.
     */
    public Offer offerInput(PlayerId player, Map<String, ?> raw) {
        I input;
        try {
            input = rules.decodeInput(raw);
        } catch (MalformedInput e) {
            return new Offer.Refused(MatchCodes.MALFORMED, e.getMessage());
        }
        return offer(player, input);
    }

    /** Queues one decoded input for the next tick; refused with {@code busy} when the inbox is full. */
    public Offer offer(PlayerId player, I input) {
        if (finished) {
            return new Offer.Refused(MatchCodes.ENDED, "the match has finished");
        }
        if (!inbox.offer(new InputCmd<>(player, input))) {
            busy.incrementAndGet();
            return new Offer.Refused(MatchCodes.BUSY, "the match is busy; retry");
        }
        return Offer.QUEUED;
    }

    /**
     * Joins the player at the next tick, or reconnects them when they hold a seat. Completes with the full
     * snapshot after that tick; fails with {@link ArenaException.Rejected} ({@code busy}, {@code ended},
     * {@code full}, {@code forfeited}, or the game's own code).
     */
    public Future<MatchView> join(PlayerId player) {
        Promise<MatchView> reply = Promise.promise();
        if (finished) {
            reply.fail(endedError());
        } else if (!inbox.offer(new JoinCmd<>(player, reply))) {
            busy.incrementAndGet();
            reply.fail(new ArenaException.Rejected(MatchCodes.BUSY, "the match is busy; retry"));
        } else if (finished) {
            rejectLeftovers();
        }
        return reply.future();
    }

    /** Leaves for good (a forfeit once running). Completes with whether the player held a seat. */
    public Future<Boolean> leave(PlayerId player) {
        Promise<Boolean> reply = Promise.promise();
        if (finished) {
            reply.complete(false);
            return reply.future();
        }
        inbox.force(new LeaveCmd<>(player, reply));
        if (finished) {
            rejectLeftovers();
        }
        return reply.future();
    }

    /** The player's connection dropped: the seat is kept for the reconnect grace, then the player forfeits. */
    public void disconnected(PlayerId player) {
        if (!finished) {
            inbox.force(new DisconnectCmd<>(player));
        }
    }

    /** Watches the match: completes with a full snapshot; frames follow through the listener. */
    public Future<MatchView> spectate(PlayerId viewer) {
        Promise<MatchView> reply = Promise.promise();
        if (finished) {
            reply.complete(view());
        } else if (!inbox.offer(new SpectateCmd<>(viewer, reply))) {
            busy.incrementAndGet();
            reply.fail(new ArenaException.Rejected(MatchCodes.BUSY, "the match is busy; retry"));
        } else if (finished) {
            rejectLeftovers();
        }
        return reply.future();
    }

    public void unspectate(PlayerId viewer) {
        if (!finished) {
            inbox.force(new UnspectateCmd<>(viewer));
        }
    }

    /**
     * A relayed game's player reports its result; the match ends with it at the next tick. Fails with
     * {@code Rejected(not_relayed)} for games the server decides, {@code Conflict} once the match has finished
     * (only the first report counts), {@code Forbidden} for anyone not seated, {@code Rejected(not_started)}
     * before the start, and {@code Invalid} unless the standings name every seated player and nobody who never
     * played (players who left may be listed).
     */
    public Future<MatchResult> report(PlayerId by, MatchResult result) {
        Promise<MatchResult> reply = Promise.promise();
        if (!relayed) {
            reply.fail(new ArenaException.Rejected("not_relayed", "the server decides the result of " + info.mode()));
        } else if (finished) {
            reply.fail(alreadyFinished());
        } else {
            inbox.force(new ReportCmd<>(by, result, reply));
            if (finished) {
                rejectLeftovers();
            }
        }
        return reply.future();
    }

    /**
     * A lobby game's player is ready (or not); the game starts at the tick everyone seated is ready. Fails with
     * {@code auto_start}, {@code already_started}, {@code not_participant}, {@code busy} or {@code ended}.
     */
    public Future<MatchView> ready(PlayerId player, boolean ready) {
        return lobbyCommand(reply -> new ReadyCmd<>(player, ready, reply));
    }

    /**
     * The host starts a lobby game: at least the game's minimum seated, every other player ready unless
     * {@code force}. Fails with {@link ArenaException.Forbidden} for anyone but the host, or {@code auto_start},
     * {@code already_started}, {@code not_enough_players}, {@code players_not_ready}.
     */
    public Future<MatchView> startByHost(PlayerId by, boolean force) {
        return lobbyCommand(reply -> new StartCmd<>(by, force, reply));
    }

    /**
     * The host removes a seated player before the start; the player cannot join again ({@code kicked}). Fails with
     * {@link ArenaException.Forbidden} for anyone but the host, or {@code already_started}, {@code not_participant},
     * {@code cannot_kick_self}.
     */
    public Future<MatchView> kick(PlayerId by, PlayerId target) {
        return lobbyCommand(reply -> new KickCmd<>(by, target, reply));
    }

    private Future<MatchView> lobbyCommand(java.util.function.Function<Promise<MatchView>, Command<I>> command) {
        Promise<MatchView> reply = Promise.promise();
        if (finished) {
            reply.fail(endedError());
        } else if (!inbox.offer(command.apply(reply))) {
            busy.incrementAndGet();
            reply.fail(new ArenaException.Rejected(MatchCodes.BUSY, "the match is busy; retry"));
        } else if (finished) {
            rejectLeftovers();
        }
        return reply.future();
    }

    /** Ends the match at the next tick as abandoned (node shutdown, an operator). */
    public void stop(String reason) {
        if (!finished) {
            inbox.force(new StopCmd<>(reason));
        }
    }

    /** The latest published snapshot (after the last tick). */
    public MatchView view() {
        Published<S> p = published;
        return new MatchView(id, info.mode(), p.status(), p.tick(), info.tickRate(), p.players(), p.spectators(),
                rules.view(p.state()), p.result(), p.host());
    }

    /** The latest published game state (immutable). */
    public S state() {
        return published.state();
    }

    public MatchStatus status() {
        return published.status();
    }

    public MatchStats stats() {
        return published.stats().withBusy(busy.get());
    }

    /** Completes once, when the match has finished. */
    public Future<MatchEnd> ended() {
        return ended.future();
    }

    // ---- owner only -------------------------------------------------------------------------------------

    /** Runs one tick now. Only on the owner (the scheduler's timer calls it; tests call it directly). */
    public void tick() {
        if (!scheduler.inOwner()) {
            throw new IllegalStateException("match " + id + " ticked outside its owner");
        }
        if (status == MatchStatus.FINISHED) {
            return;
        }
        long t0 = scheduler.nanoTime();
        long n = ++tick;
        long acceptedBefore = accepted;
        MatchResult end;
        try {
            for (Seat s : seats.values()) {
                s.usedThisTick = 0;
            }
            drain(n);
            expireGrace(n);
            maybeStart(n);
            if (status == MatchStatus.RUNNING) {
                apply(rules.tick(state, n), n);
            }
            end = endCheck();
        } catch (RuntimeException e) {
            log.error("match {} ({}): the rules failed at tick {}; the match is abandoned", id, info.mode(), n, e);
            end = MatchResult.abandoned("rules_error");
        }
        lastTickNanos = scheduler.nanoTime() - t0;
        maxTickNanos = Math.max(maxTickNanos, lastTickNanos);
        if (end != null) {
            status = MatchStatus.FINISHED;
            result = end;
            eventLog.close(n);
        }
        publish();
        if (!frame.isEmpty()) {
            TickFrame f = new TickFrame(id, n, frame);
            frame.clear();
            safely(() -> listener.frame(f));
        }
        if (!viewReplies.isEmpty()) {
            MatchView v = view();
            for (Promise<MatchView> r : viewReplies) {
                r.tryComplete(v);
            }
            viewReplies.clear();
        }
        long tickNanos = scheduler.nanoTime() - t0;
        int acceptedNow = (int) (accepted - acceptedBefore);
        safely(() -> listener.ticked(id, n, tickNanos, acceptedNow));
        if (end != null) {
            finish(end, n);
        }
    }

    private void drain(long n) {
        for (int i = inbox.size(); i > 0; i--) {
            Command<I> c = inbox.poll();
            if (c == null) {
                return;
            }
            switch (c) {
                case InputCmd<I> in -> input(in.player(), in.input(), n);
                case JoinCmd<I> j -> join(j, n);
                case LeaveCmd<I> l -> l.reply().tryComplete(leave(l.player(), n, "left"));
                case DisconnectCmd<I> d -> disconnect(d.player(), n);
                case SpectateCmd<I> s -> spectate(s);
                case UnspectateCmd<I> u -> {
                    if (spectators.remove(u.viewer())) {
                        seatsChanged = true;
                    }
                }
                case StopCmd<I> s -> stopReason = s.reason();
                case ReportCmd<I> r -> report(r);
                case ReadyCmd<I> r -> answer(r.reply(), ready(r.player(), r.ready(), n));
                case StartCmd<I> s -> answer(s.reply(), requestStart(s.by(), s.force()));
                case KickCmd<I> k -> answer(k.reply(), kick(k.by(), k.target(), n));
            }
        }
    }

    private void input(PlayerId player, I input, long n) {
        Seat seat = seats.get(player);
        if (seat == null) {
            refuse(player, n, spectators.contains(player) ? MatchCodes.SPECTATOR : MatchCodes.NOT_PARTICIPANT,
                    spectators.contains(player) ? "spectators cannot send input" : "not a player of this match");
            return;
        }
        if (seat.usedThisTick >= config.inputsPerTick()) {
            dropped++;
            safely(() -> listener.inputDropped(id, player, n));
            return;
        }
        seat.usedThisTick++;
        if (!seat.connected) {
            refuse(player, n, MatchCodes.NOT_CONNECTED, "reconnect (join) before sending input");
            return;
        }
        if (status != MatchStatus.RUNNING) {
            refuse(player, n, MatchCodes.NOT_STARTED, "the match has not started");
            return;
        }
        switch (rules.input(state, player, input)) {
            case InputResult.Accepted<S> a -> {
                accepted++;
                state = a.state();
                eventLog.add(new LogEntry.Input<>(n, player, input));
                for (GameEvent e : a.events()) {
                    emit(e, n);
                }
            }
            case InputResult.Rejected<S> r -> refuse(player, n, r.code(), r.message());
        }
    }

    private void report(ReportCmd<I> r) {
        if (reported != null) {
            r.reply().fail(alreadyFinished());
            return;
        }
        if (!seats.containsKey(r.by())) {
            r.reply().fail(new ArenaException.Forbidden("only the match's seated players may report its result"));
            return;
        }
        if (status != MatchStatus.RUNNING) {
            r.reply().fail(new ArenaException.Rejected(MatchCodes.NOT_STARTED, "the match has not started"));
            return;
        }
        Set<PlayerId> listed = new HashSet<>();
        r.result().standings().forEach(st -> listed.add(st.player()));
        Set<PlayerId> played = new HashSet<>(seats.keySet());
        played.addAll(departed);
        if (!listed.containsAll(seats.keySet()) || !played.containsAll(listed)) {
            r.reply().fail(new ArenaException.Invalid("result.standings",
                    "must list every seated player " + seats.keySet() + " and nobody else who did not play"));
            return;
        }
        reported = withLeaversLast(r.result(), listed);
        reporter = r.by();
        r.reply().complete(reported);
    }

    /**
     * Players who left a relayed game and are not in the reported standings share the last place: leaving does
     * not escape a loss.
     */
    private MatchResult withLeaversLast(MatchResult given, Set<PlayerId> listed) {
        List<PlayerId> missing = departed.stream().filter(p -> !listed.contains(p)).sorted().toList();
        if (missing.isEmpty()) {
            return given;
        }
        List<MatchResult.Standing> all = new ArrayList<>(given.standings());
        int last = all.size() + 1;
        missing.forEach(p -> all.add(new MatchResult.Standing(p, last, 0)));
        return MatchResult.ranked(all, given.reason());
    }

    private static ArenaException alreadyFinished() {
        return new ArenaException.Conflict("the match has finished: its result was already decided");
    }

    private void refuse(PlayerId player, long n, String code, String message) {
        rejected++;
        safely(() -> listener.inputRejected(id, player, n, code, message));
    }

    private void join(JoinCmd<I> j, long n) {
        PlayerId p = j.player();
        Seat seat = seats.get(p);
        if (seat != null) {
            if (!seat.connected) {
                seat.connected = true;
                seat.forfeitAt = -1;
                seatsChanged = true;
                emit(new MatchEvent.PlayerReconnected(p), n);
            }
            viewReplies.add(j.reply());
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
        if (seats.size() >= maxPlayers) {
            j.reply().fail(new ArenaException.Rejected(MatchCodes.FULL, "every seat is taken"));
            return;
        }
        if (rules.canJoin(state, p) instanceof JoinDecision.Refuse r) {
            j.reply().fail(new ArenaException.Rejected(r.code(), r.message()));
            return;
        }
        Step<S> step = rules.join(state, p);
        seats.put(p, new Seat());
        spectators.remove(p);
        seatsChanged = true;
        eventLog.add(new LogEntry.Joined<>(n, p));
        emit(new MatchEvent.PlayerJoined(p), n);
        apply(step, n);
        if (lobby != null && lobby.seated(p) != null) {
            emit(new MatchEvent.HostChanged(p), n);
        }
        viewReplies.add(j.reply());
    }

    /** Frees the seat; a forfeit once running. Returns whether the player held one. */
    private boolean leave(PlayerId p, long n, String reason) {
        if (seats.remove(p) == null) {
            return false;
        }
        seatsChanged = true;
        boolean forfeit = status == MatchStatus.RUNNING;
        if (forfeit) {
            departed.add(p);
        }
        Step<S> step = rules.leave(state, p);
        eventLog.add(new LogEntry.Left<>(n, p, reason));
        emit(switch (reason) {
            case KICKED -> new MatchEvent.PlayerKicked(p);
            case "left" -> new MatchEvent.PlayerLeft(p);
            default -> forfeit ? new MatchEvent.PlayerForfeited(p) : new MatchEvent.PlayerLeft(p);
        }, n);
        apply(step, n);
        if (lobby != null && !forfeit) {
            PlayerId newHost = reason.equals(KICKED) ? null : lobby.left(p, seats.keySet());
            if (newHost != null) {
                emit(new MatchEvent.HostChanged(newHost), n);
            }
        }
        return true;
    }

    // ---- lobby commands (HostControls decides; the loop applies) --------------------------------------

    private ArenaException ready(PlayerId p, boolean value, long n) {
        ArenaException refusal = lobbyOnly();
        if (refusal != null) {
            return refusal;
        }
        if (!seats.containsKey(p)) {
            return new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "not a player of this match");
        }
        if (lobby.setReady(p, value)) {
            seatsChanged = true;
            emit(new MatchEvent.PlayerReady(p, value), n);
        }
        return null;
    }

    /** Validated now, applied by {@link #maybeStart} later in this same tick. */
    private ArenaException requestStart(PlayerId by, boolean force) {
        ArenaException refusal = lobbyOnly();
        if (refusal == null) {
            refusal = lobby.checkStart(by, force, status == MatchStatus.WAITING, seats.keySet(), info.players().min());
        }
        if (refusal == null) {
            hostStart = true;
        }
        return refusal;
    }

    private ArenaException kick(PlayerId by, PlayerId target, long n) {
        ArenaException refusal = lobbyOnly();
        if (refusal == null) {
            refusal = lobby.checkKick(by, target, status == MatchStatus.WAITING, seats.keySet());
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
        if (status != MatchStatus.WAITING) {
            return new ArenaException.Rejected(MatchCodes.ALREADY_STARTED, "the game has started");
        }
        return null;
    }

    /** A lobby command's answer: the snapshot of this tick, or its refusal. */
    private void answer(Promise<MatchView> reply, ArenaException refusal) {
        if (refusal == null) {
            viewReplies.add(reply);
        } else {
            reply.tryFail(refusal);
        }
    }

    private void disconnect(PlayerId p, long n) {
        Seat seat = seats.get(p);
        if (seat == null || !seat.connected) {
            return;
        }
        seat.connected = false;
        seat.forfeitAt = n + graceTicks;
        seatsChanged = true;
        emit(new MatchEvent.PlayerDisconnected(p, seat.forfeitAt), n);
    }

    private void spectate(SpectateCmd<I> s) {
        if (!seats.containsKey(s.viewer()) && !spectators.contains(s.viewer())) {
            if (spectators.size() >= config.maxSpectators()) {
                s.reply().fail(new ArenaException.Rejected(MatchCodes.TOO_MANY_SPECTATORS,
                        "this match has its maximum of spectators"));
                return;
            }
            spectators.add(s.viewer());
            seatsChanged = true;
        }
        viewReplies.add(s.reply());
    }

    private void expireGrace(long n) {
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

    private void maybeStart(long n) {
        if (status != MatchStatus.WAITING) {
            return;
        }
        if (seats.size() < info.players().min()) {
            lobbyFor = 0;
            hostStart = false;
            return;
        }
        if (lobby != null) {
            // a lobby game: the ready check or the host, never a timer (HostControls)
            if (!hostStart && !lobby.everyoneReady(seats.keySet(), info.players().min())) {
                return;
            }
        } else if (seats.size() < maxPlayers && lobbyFor++ < lobbyTicks) {
            return;
        }
        status = MatchStatus.RUNNING;
        eventLog.add(new LogEntry.Started<>(n));
        emit(new MatchEvent.MatchStarted(n), n);
        apply(rules.start(state, n), n);
    }

    private MatchResult endCheck() {
        if (reported != null) {
            return reported;
        }
        if (status == MatchStatus.RUNNING) {
            Optional<MatchResult> r = rules.result(state);
            if (r.isPresent()) {
                return r.get();
            }
        }
        if (stopReason != null) {
            return MatchResult.abandoned(stopReason);
        }
        boolean empty = seats.values().stream().noneMatch(s -> s.connected);
        emptyFor = empty ? emptyFor + 1 : 0;
        return emptyFor >= emptyTicks ? MatchResult.abandoned("empty") : null;
    }

    private void apply(Step<S> step, long n) {
        state = step.state();
        for (GameEvent e : step.events()) {
            emit(e, n);
        }
    }

    /** Events go to this tick's frame only: the log keeps the actions, and {@link Replay} regenerates events. */
    private void emit(GameEvent e, long n) {
        frame.add(e);
    }

    private void publish() {
        if (seatsChanged || published == null) {
            List<MatchView.PlayerView> views = new ArrayList<>(seats.size());
            for (Map.Entry<PlayerId, Seat> e : seats.entrySet()) {
                Seat s = e.getValue();
                views.add(new MatchView.PlayerView(e.getKey(), s.connected, s.connected ? null : s.forfeitAt,
                        lobby == null ? null : lobby.ready(e.getKey())));
            }
            playerViews = List.copyOf(views);
            seatsChanged = false;
        }
        long skipped = pacer == null ? 0 : pacer.skipped();
        published = new Published<>(tick, status, state, playerViews, spectators.size(), result,
                new MatchStats(tick, skipped, accepted, rejected, dropped, 0, lastTickNanos, maxTickNanos),
                lobby == null ? null : lobby.host());
    }

    private void finish(MatchResult end, long n) {
        finished = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        rejectLeftovers();
        MatchEnd e = new MatchEnd(id, info.mode(), end, n, eventLog, end == reported ? reporter : null);
        safely(() -> listener.ended(e));
        ended.complete(e);
    }

    /** Answers whatever is still queued after the end. Safe from any thread: each command is polled once. */
    private void rejectLeftovers() {
        Command<I> c;
        while ((c = inbox.poll()) != null) {
            switch (c) {
                case JoinCmd<I> j -> j.reply().tryFail(endedError());
                case SpectateCmd<I> s -> s.reply().tryComplete(view());
                case LeaveCmd<I> l -> l.reply().tryComplete(false);
                case ReportCmd<I> r -> r.reply().tryFail(alreadyFinished());
                case ReadyCmd<I> r -> r.reply().tryFail(endedError());
                case StartCmd<I> s -> s.reply().tryFail(endedError());
                case KickCmd<I> k -> k.reply().tryFail(endedError());
                default -> { }
            }
        }
    }

    private static ArenaException endedError() {
        return new ArenaException.Rejected(MatchCodes.ENDED, "the match has finished");
    }

    private void scheduleNext() {
        timer = scheduler.schedule(pacer.nanosUntilNext(scheduler.nanoTime()), this::onTimer);
    }

    private void onTimer() {
        timer = null;
        if (status == MatchStatus.FINISHED) {
            return;
        }
        int due = pacer.due(scheduler.nanoTime());
        long skipped = pacer.skipped() - skippedReported;
        if (skipped > 0) {
            skippedReported = pacer.skipped();
            log.warn("match {} ({}) fell behind: {} ticks skipped", id, info.mode(), skipped);
            safely(() -> listener.ticksSkipped(id, skipped));
        }
        for (int i = 0; i < due && status != MatchStatus.FINISHED; i++) {
            tick();
        }
        if (status != MatchStatus.FINISHED) {
            scheduleNext();
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("match {}: listener failed", id, e);
        }
    }
}
