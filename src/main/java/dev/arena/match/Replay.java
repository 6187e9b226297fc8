package dev.arena.match;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arena.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a match from its {@link EventLog}: a fresh rules instance, the same seed and settings, the logged
 * joins, start, leaves and inputs applied at their ticks, and {@code tick} called for every tick in between.
 * Because rules are deterministic, the result is the exact final state of the original match; the events the
 * replay emits equal the game events of the log.
 */
public final class Replay {

    /**
     * @param state  the final state
     * @param events the game's events (not the loop's {@link MatchEvent}s), in order, with their ticks
     * @param result the rules' result of the final state (empty when the match was abandoned before one)
     */
    public record Outcome<S>(S state, long finalTick, List<LogEntry.Emitted<?>> events,
                             Optional<MatchResult> result) {}

    /** The log does not replay: a logged input is rejected or a logged join refused. */
    public static final class Mismatch extends IllegalStateException {
        public Mismatch(String message) {
            super(message);
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Replay() {}

    /**
     * The stored log with the game's events put back, each after the action or tick that emitted it (kind
     * {@code event}, as {@link EventLog#store()} wrote them before matches stopped keeping events): for a
     * replay viewer that wants the events without running the rules. Events already in {@code stored} are
     * replaced by the regenerated ones; the loop's own events ({@link MatchEvent}) are not regenerated.
     *
     * @throws Mismatch when the log does not replay
     */
    public static <C, S, I> StoredLog withEvents(GameFactory<C, S, I> game, StoredLog stored) {
        checkMode(game, stored.mode());
        List<StoredLog.Entry> out = new ArrayList<>(stored.entries().size() * 4);
        Runner<C, S, I> runner = runner(game, stored.seed(), stored.settings());
        runner.sink = out;
        runner.run(stored.decode(game.rules()), stored.finalTick(), stored.entries());
        return new StoredLog(stored.mode(), stored.seed(), stored.settings(), stored.tickRate(), stored.finalTick(),
                out);
    }

    /** Replays a stored log (inputs decoded by the game's rules). */
    public static <C, S, I> Outcome<S> run(GameFactory<C, S, I> game, StoredLog stored) {
        checkMode(game, stored.mode());
        return runner(game, stored.seed(), stored.settings())
                .run(stored.decode(game.rules()), stored.finalTick(), null);
    }

    public static <C, S, I> Outcome<S> run(GameFactory<C, S, I> game, EventLog<I> log) {
        checkMode(game, log.mode());
        if (!log.closed()) {
            throw new IllegalArgumentException("the match is still running: its log is not closed");
        }
        return runner(game, log.seed(), log.settings()).run(log.entries(), log.finalTick(), null);
    }

    /** A fresh state from the seed and the raw settings (validated again by the game). */
    private static <C, S, I> Runner<C, S, I> runner(GameFactory<C, S, I> game, long seed,
                                                    Map<String, Object> settings) {
        return new Runner<>(game.rules(), game.rules().init(seed, game.settings(settings)));
    }

    private static void checkMode(GameFactory<?, ?, ?> game, String mode) {
        if (!game.info().mode().equals(mode)) {
            throw new IllegalArgumentException("a " + mode + " log cannot replay as " + game.info().mode());
        }
    }

    private static final class Runner<C, S, I> {
        private final GameRules<C, S, I> rules;
        private final List<LogEntry.Emitted<?>> events = new ArrayList<>();
        private S state;
        private long ticked;
        private boolean running;
        /** When set, every replayed action and regenerated event in order, in stored form. */
        private List<StoredLog.Entry> sink;

        Runner(GameRules<C, S, I> rules, S initial) {
            this.rules = rules;
            this.state = initial;
        }

        /** @param stored the stored entries {@code entries} were read from (same order), copied to the sink */
        Outcome<S> run(List<LogEntry<I>> entries, long finalTick, List<StoredLog.Entry> stored) {
            for (int i = 0; i < entries.size(); i++) {
                LogEntry<I> e = entries.get(i);
                if (e instanceof LogEntry.Emitted<I>) {
                    continue;
                }
                advanceTo(e.tick() - 1);
                if (sink != null) {
                    sink.add(stored.get(i));
                }
                switch (e) {
                    case LogEntry.Joined<I> j -> {
                        if (rules.canJoin(state, j.player()) instanceof JoinDecision.Refuse r) {
                            throw new Mismatch("tick " + j.tick() + ": join of " + j.player() + " refused (" + r.code()
                                    + ")");
                        }
                        apply(rules.join(state, j.player()), j.tick());
                    }
                    case LogEntry.Started<I> s -> {
                        running = true;
                        apply(rules.start(state, s.tick()), s.tick());
                    }
                    case LogEntry.Left<I> l -> apply(rules.leave(state, l.player()), l.tick());
                    case LogEntry.Input<I> in -> {
                        switch (rules.input(state, in.player(), in.input())) {
                            case InputResult.Accepted<S> a -> {
                                state = a.state();
                                record(a.events(), in.tick());
                            }
                            case InputResult.Rejected<S> r -> throw new Mismatch("tick " + in.tick() + ": input "
                                    + in.input() + " of " + in.player() + " rejected (" + r.code() + ")");
                        }
                    }
                    case LogEntry.Emitted<I> ignored -> { }
                }
            }
            advanceTo(finalTick);
            return new Outcome<>(state, ticked, List.copyOf(events), running ? rules.result(state) : Optional.empty());
        }

        private void advanceTo(long t) {
            while (ticked < t) {
                ticked++;
                if (running) {
                    apply(rules.tick(state, ticked), ticked);
                }
            }
        }

        private void apply(Step<S> step, long tick) {
            state = step.state();
            record(step.events(), tick);
        }

        private void record(List<GameEvent> es, long tick) {
            for (GameEvent e : es) {
                events.add(new LogEntry.Emitted<>(tick, e));
                if (sink != null) {
                    sink.add(new StoredLog.Entry(tick, "event", null, Json.MAPPER.convertValue(e, MAP)));
                }
            }
        }
    }
}
