package dev.arena.match.games;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.arena.common.PlayerId;
import dev.arena.match.GameEvent;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.JoinDecision;
import dev.arena.match.MalformedInput;
import dev.arena.match.MatchResult;
import dev.arena.match.PublicState;
import dev.arena.match.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of {@link Relay}: seat players, echo inputs, never decide the end. */
final class RelayRules implements GameRules<Relay.Settings, RelayRules.State, RelayRules.Input> {

    /**
     * @param relayed      inputs relayed so far
     * @param deadlineTick the tick at which a started match is abandoned ({@code time_limit}); 0 before the start
     */
    record State(List<PlayerId> players, boolean started, long relayed, long deadlineTick, boolean expired,
                 @JsonIgnore Relay.Settings limits) implements PublicState {
        State {
            players = List.copyOf(players);
        }

        State with(List<PlayerId> players) {
            return new State(players, started, relayed, deadlineTick, expired, limits);
        }
    }

    /** Any JSON object a client sends: relayed as it is. */
    record Input(Map<String, Object> data) {
        Input {
            data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }

    /** {@code {"type": "relay", "from": player, "data": {...}}} to everyone in the match. */
    record Relayed(PlayerId from, Map<String, Object> data) implements GameEvent {
        public String type() {
            return "relay";
        }
    }

    @Override
    public State init(long seed, Relay.Settings settings) {
        return new State(List.of(), false, 0, 0, false, settings);
    }

    @Override
    public JoinDecision canJoin(State s, PlayerId player) {
        return s.started() ? JoinDecision.refuse("started", "the game has started") : JoinDecision.ACCEPT;
    }

    @Override
    public Step<State> join(State s, PlayerId player) {
        List<PlayerId> players = new ArrayList<>(s.players());
        players.add(player);
        return Step.of(s.with(players));
    }

    @Override
    public Step<State> start(State s, long tick) {
        long deadline = tick + (long) s.limits().maxMinutes() * 60 * Relay.TICK_RATE;
        return Step.of(new State(s.players(), true, s.relayed(), deadline, false, s.limits()));
    }

    @Override
    public Step<State> leave(State s, PlayerId player) {
        List<PlayerId> players = new ArrayList<>(s.players());
        players.remove(player);
        return Step.of(s.with(players));
    }

    @Override
    public InputResult<State> input(State s, PlayerId player, Input input) {
        if (s.relayed() >= s.limits().maxInputs()) {
            return InputResult.reject("log_full", "this match has relayed its maximum of " + s.limits().maxInputs()
                    + " inputs; report the result");
        }
        return InputResult.accept(new State(s.players(), s.started(), s.relayed() + 1, s.deadlineTick(), false,
                s.limits()), new Relayed(player, input.data()));
    }

    @Override
    public Step<State> tick(State s, long tick) {
        if (s.started() && !s.expired() && tick >= s.deadlineTick()) {
            return Step.of(new State(s.players(), true, s.relayed(), s.deadlineTick(), true, s.limits()));
        }
        return Step.of(s);
    }

    /** The players report the result; the rules only abandon a match that outlived its time limit. */
    @Override
    public Optional<MatchResult> result(State s) {
        return s.expired() ? Optional.of(MatchResult.abandoned("time_limit")) : Optional.empty();
    }

    @Override
    public PublicState view(State s) {
        return s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Input decodeInput(Map<String, ?> raw) {
        if (raw == null) {
            throw new MalformedInput("the input must be a JSON object");
        }
        return new Input((Map<String, Object>) raw);
    }

    @Override
    public Map<String, Object> encodeInput(Input input) {
        return input.data();
    }
}
