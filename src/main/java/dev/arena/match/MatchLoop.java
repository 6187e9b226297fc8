package dev.arena.match;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running match. Its state is owned by one {@link TickScheduler} owner (one Vert.x context): no locks. Any thread
 * may offer it commands ({@link #offer}, {@link #join}, {@link #leave}, {@link #disconnected}, {@link #spectate}, and
 * for lobby games {@link #ready}, {@link #startByHost}, {@link #kick}); they wait in a bounded {@link MatchInbox} and
 * are applied at the next tick, in arrival order, which is also the order of the {@link EventLog}.
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
 *   <li>the end checks ({@link MatchEnding}): a reported result, the rules' result, a stop, the empty-match rule;</li>
 *   <li>the new state is published ({@link #view()} from any thread), the tick's frame (its events and the
 *       {@link InputAck}s of the numbered inputs it took) goes to the listener, joiners and spectators get their
 *       snapshot, and a finished match reports its end.</li>
 * </ol>
 *
 * <p>Ticks come from a timer at the game's rate through {@link TickTiming} (catch-up limit) after {@link #start()};
 * tests call {@link #tick()} directly instead.
 *
 * <p>The parts: {@link LoopCommandQueue} (the any-thread side of the bounded inbox), {@link MatchRun} (the
 * owner-only state they share), {@link Seating} (seats, spectators, the lobby and the start), {@link MatchEnding}
 * (what ends it, with {@link RelayedResult}: reported results), {@link TickTiming} (pacing, tick durations),
 * {@link EventLog} (the actions, for {@link Replay}).
 */
public final class MatchLoop<C, S, I> {
    private static final Logger log = LoggerFactory.getLogger(MatchLoop.class);

    /** What other threads may read: replaced (never modified) after every tick. */
    private record Published<S>(long tick, MatchStatus status, S state, List<MatchView.PlayerView> players,
                                int spectators, MatchResult result, MatchStats stats, PlayerId host,
                                List<InputAck> acks) {}

    private final MatchId id;
    private final boolean friendsOnly; // MatchSpec#friendsOnly, told with the end
    private final GameInfo info;
    private final GameRules<C, S, I> rules;
    /** The players report the result ({@link #report}); the rules never end the match. */
    private final boolean relayed;
    private final TickScheduler scheduler;
    private final LoopCommandQueue<I> commands;
    private final Promise<MatchEnd> ended = Promise.promise();

    // Owner-only state.
    private final MatchRun<C, S, I> run;
    private final Seating<C, S, I> seating;
    private final MatchEnding<S> ending;
    private final TickTiming timing;
    private MatchResult result;
    private final InputWaits inputWaits = new InputWaits();

    private volatile Published<S> published;

    private MatchLoop(MatchId id, GameInfo info, GameRules<C, S, I> rules, boolean relayed, C settings,
                      MatchSpec spec, int maxPlayers, TickScheduler scheduler, MatchListener listener) {
        this.id = id;
        this.friendsOnly = spec.friendsOnly();
        this.relayed = relayed;
        this.info = info;
        this.rules = rules;
        MatchConfig config = spec.config();
        this.scheduler = scheduler;
        this.commands = new LoopCommandQueue<>(config.inboxCapacity(), this::view);
        this.run = new MatchRun<>(id, info, rules, config, listener,
                new EventLog<>(info.mode(), spec.seed(), spec.settings(), info.tickRate(), rules), maxPlayers,
                rules.init(spec.seed(), settings));
        this.seating = new Seating<>(run, spec.host());
        this.ending = new MatchEnding<>(rules, Math.max(1, info.ticks(config.emptyTimeout())));
        this.timing = new TickTiming(run, scheduler, this::tick);
        publish();
    }

    /**
     * Validates the game's settings and the seat count, and builds the match (not ticking yet: call {@link #start()},
     * or drive {@link #tick()} by hand).
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

    public int maxPlayers() {
        return run.maxPlayers;
    }

    /** Begins ticking at the game's rate on the scheduler's owner. */
    public void start() {
        scheduler.execute(() -> {
            if (run.status != MatchStatus.FINISHED) {
                timing.start();
            }
        });
    }

    /**
     * Queues one input in its JSON object form for the next tick. Decoding happens here, on the caller's thread, so a
     * malformed input is refused at once and never reaches the match.
     */
    public Offer offerInput(PlayerId player, Map<String, ?> raw) {
        return offerInput(player, raw, InputAck.NONE);
    }

    /**
     * As {@link #offerInput(PlayerId, Map)}, numbered by the client: the frame of the tick that takes it acknowledges
     * {@code seq} ({@link InputAck}; {@link InputAck#NONE}: not numbered). A {@code seq} out of
     * {@link InputAck#valid} is refused as {@code malformed}.
     */
    public Offer offerInput(PlayerId player, Map<String, ?> raw, long seq) {
        I input;
        try {
            input = rules.decodeInput(raw);
        } catch (MalformedInput e) {
            return new Offer.Refused(MatchCodes.MALFORMED, e.getMessage());
        }
        return offer(player, input, seq);
    }

    /** Queues one decoded input for the next tick; refused with {@code busy} when the inbox is full. */
    public Offer offer(PlayerId player, I input) {
        return offer(player, input, InputAck.NONE);
    }

    /** Queues one decoded input numbered {@code seq} (see {@link #offerInput(PlayerId, Map, long)}). */
    public Offer offer(PlayerId player, I input, long seq) {
        if (seq != InputAck.NONE && !InputAck.valid(seq)) {
            return new Offer.Refused(MatchCodes.MALFORMED, "seq: " + InputAck.SEQ_RULE);
        }
        if (commands.closed()) {
            return new Offer.Refused(MatchCodes.ENDED, "the match has finished");
        }
        return commands.offer(new LoopCommand.Input<>(player, input, seq, scheduler.nanoTime())) ? Offer.QUEUED
                : new Offer.Refused(MatchCodes.BUSY, "the match is busy; retry");
    }

    /**
     * Joins the player at the next tick, or reconnects them when they hold a seat. Completes with the full snapshot
     * after that tick; fails with {@link ArenaException.Rejected} ({@code busy}, {@code ended}, {@code full}, {@code
     * forfeited}, or the game's own code).
     */
    public Future<MatchView> join(PlayerId player) {
        Promise<MatchView> reply = Promise.promise();
        return commands.ask(new LoopCommand.Join<>(player, reply), reply, r -> r.fail(LoopCommandQueue.ended()));
    }

    /** Leaves for good (a forfeit once running). Completes with whether the player held a seat. */
    public Future<Boolean> leave(PlayerId player) {
        Promise<Boolean> reply = Promise.promise();
        return commands.force(new LoopCommand.Leave<>(player, reply), reply, r -> r.complete(false));
    }

    /** The player's connection dropped: the seat is kept for the reconnect grace, then the player forfeits. */
    public void disconnected(PlayerId player) {
        commands.tell(new LoopCommand.Disconnect<>(player));
    }

    /** Watches the match: completes with a full snapshot; frames follow through the listener. */
    public Future<MatchView> spectate(PlayerId viewer) {
        Promise<MatchView> reply = Promise.promise();
        return commands.ask(new LoopCommand.Spectate<>(viewer, reply), reply, r -> r.complete(view()));
    }

    public void unspectate(PlayerId viewer) {
        commands.tell(new LoopCommand.Unspectate<>(viewer));
    }

    /**
     * A relayed game's player reports its result; the match ends with it at the next tick. Fails with {@code
     * Rejected(not_relayed)} for games the server decides, {@code Conflict} once the match has finished (only the first
     * report counts), {@code Forbidden} for anyone not seated, {@code Rejected(not_started)} before the start, and
     * {@code Invalid} unless the standings name every seated player and nobody who never played (players who left may
     * be listed).
     */
    public Future<MatchResult> report(PlayerId by, MatchResult result) {
        if (!relayed) {
            return Future.failedFuture(new ArenaException.Rejected("not_relayed", "the server decides the result of "
                    + info.mode()));
        }
        Promise<MatchResult> reply = Promise.promise();
        return commands.force(new LoopCommand.Report<>(by, result, reply), reply,
                r -> r.fail(LoopCommandQueue.alreadyDecided()));
    }

    /**
     * A lobby game's player is ready (or not); the game starts at the tick everyone seated is ready. Fails with
     * {@code auto_start}, {@code already_started}, {@code not_participant}, {@code busy} or {@code ended}.
     */
    public Future<MatchView> ready(PlayerId player, boolean ready) {
        return lobbyCommand(reply -> new LoopCommand.Ready<>(player, ready, reply));
    }

    /**
     * The host starts a lobby game: at least the game's minimum seated, every other player ready unless
     * {@code force}. Fails with {@link ArenaException.Forbidden} for anyone but the host, or {@code auto_start},
     * {@code already_started}, {@code not_enough_players}, {@code players_not_ready}.
     */
    public Future<MatchView> startByHost(PlayerId by, boolean force) {
        return lobbyCommand(reply -> new LoopCommand.Start<>(by, force, reply));
    }

    /**
     * The host removes a seated player before the start; the player cannot join again ({@code kicked}). Fails with
     * {@link ArenaException.Forbidden} for anyone but the host, or {@code already_started}, {@code not_participant},
     * {@code cannot_kick_self}.
     */
    public Future<MatchView> kick(PlayerId by, PlayerId target) {
        return lobbyCommand(reply -> new LoopCommand.Kick<>(by, target, reply));
    }

    private Future<MatchView> lobbyCommand(Function<Promise<MatchView>, LoopCommand<I>> command) {
        Promise<MatchView> reply = Promise.promise();
        return commands.ask(command.apply(reply), reply, r -> r.fail(LoopCommandQueue.ended()));
    }

    /** Ends the match at the next tick as abandoned (node shutdown, an operator). */
    public void stop(String reason) {
        commands.tell(new LoopCommand.Stop<>(reason));
    }

    /** The latest published snapshot (after the last tick). */
    public MatchView view() {
        Published<S> p = published;
        return new MatchView(id, info.mode(), p.status(), p.tick(), info.tickRate(), p.players(), p.spectators(),
                rules.view(p.state()), p.result(), p.host(), p.acks());
    }

    /** The latest published game state (immutable). */
    public S state() {
        return published.state();
    }

    public MatchStatus status() {
        return published.status();
    }

    public MatchStats stats() {
        return published.stats().withBusy(commands.busy());
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
        if (run.status == MatchStatus.FINISHED) {
            return;
        }
        long t0 = timing.tickBegins();
        long n = ++run.tick;
        long acceptedBefore = run.accepted;
        MatchResult end;
        try {
            drain(n);
            seating.expireGrace(n);
            seating.maybeStart(n);
            if (run.status == MatchStatus.RUNNING) {
                run.apply(rules.tick(run.state, n), n);
            }
            end = ending.check(run.status, run.state, seating.anyoneConnected());
        } catch (RuntimeException e) {
            log.error("match {} ({}): the rules failed at tick {}; the match is abandoned", id, info.mode(), n, e);
            end = MatchResult.abandoned("rules_error");
        }
        timing.tickRan(t0);
        List<InputAck> acks = run.acks.endTick();
        if (end != null) {
            run.status = MatchStatus.FINISHED;
            result = end;
            run.eventLog.close(n);
        }
        int spectatorsBefore = published.spectators();
        publish();
        if (published.spectators() != spectatorsBefore) {
            int now = published.spectators();
            run.safely(() -> run.listener.spectatorsChanged(id, now));
        }
        if (!run.frame.isEmpty() || !acks.isEmpty()) {
            TickFrame f = new TickFrame(id, n, run.frame, acks);
            run.frame.clear();
            run.safely(() -> run.listener.frame(f));
        }
        // the state and frame with this tick's inputs are out: their input-to-state latency ends here
        run.safely(() -> inputWaits.publish(id, scheduler.nanoTime(), run.listener));
        if (!run.viewReplies.isEmpty()) {
            MatchView v = view();
            for (Promise<MatchView> r : run.viewReplies) {
                r.tryComplete(v);
            }
            run.viewReplies.clear();
        }
        long tickNanos = scheduler.nanoTime() - t0;
        int acceptedNow = (int) (run.accepted - acceptedBefore);
        run.safely(() -> run.listener.ticked(id, n, tickNanos, acceptedNow));
        if (end != null) {
            finish(end, n);
        }
    }

    /** Applies the commands waiting when the tick began; later ones wait for the next tick. */
    private void drain(long n) {
        for (int i = commands.size(); i > 0; i--) {
            LoopCommand<I> c = commands.poll();
            if (c == null) {
                return;
            }
            switch (c) {
                case LoopCommand.Input<I> in -> {
                    if (seating.input(in.player(), in.input(), in.seq(), n)) {
                        inputWaits.applied(in.receivedNanos());
                    }
                }
                case LoopCommand.Join<I> j -> seating.join(j, n);
                case LoopCommand.Leave<I> l -> l.reply().tryComplete(seating.leave(l.player(), n, "left"));
                case LoopCommand.Disconnect<I> d -> seating.disconnect(d.player(), n);
                case LoopCommand.Spectate<I> s -> seating.spectate(s);
                case LoopCommand.Unspectate<I> u -> seating.unspectate(u.viewer());
                case LoopCommand.Stop<I> s -> ending.stop(s.reason());
                case LoopCommand.Report<I> r ->
                        ending.relayed.report(r, seating.seated(), seating.departed(), run.status);
                case LoopCommand.Ready<I> r -> seating.ready(r, n);
                case LoopCommand.Start<I> s -> seating.start(s);
                case LoopCommand.Kick<I> k -> seating.kick(k, n);
            }
        }
    }

    private void publish() {
        published = new Published<>(run.tick, run.status, run.state, seating.views(), seating.spectatorCount(),
                result, timing.stats(run.tick, run.accepted, run.rejected, run.dropped), seating.host(),
                run.acks.all());
    }

    private void finish(MatchResult end, long n) {
        timing.cancel();
        commands.close();
        MatchEnd e = new MatchEnd(id, info.mode(), end, n, run.eventLog, ending.relayed.reporterOf(end), friendsOnly);
        run.safely(() -> run.listener.ended(e));
        ended.complete(e);
    }
}
