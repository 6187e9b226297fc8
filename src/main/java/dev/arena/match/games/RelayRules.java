package dev.arena.match.games;

import dev.arena.match.GameEvent;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.JoinDecision;
import dev.arena.match.MalformedInput;
import dev.arena.match.MatchResult;
import dev.arena.match.PlayerId;
import dev.arena.match.PublicState;
import dev.arena.match.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of {@link Relay}: seat players, echo inputs, never decide the end. */
final class RelayRules implements GameRules<Relay.Settings, RelayRules.State, RelayRules.Input> {

    /** @param relayed inputs relayed so far */
    record State(List<PlayerId> players, boolean started, long relayed) implements PublicState {
        State {
            players = List.copyOf(players);
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
        return new State(List.of(), false, 0);
    }

    @Override
    public JoinDecision canJoin(State s, PlayerId player) {
        return s.started() ? JoinDecision.refuse("started", "the game has started") : JoinDecision.ACCEPT;
    }

    @Override
    public Step<State> join(State s, PlayerId player) {
        List<PlayerId> players = new ArrayList<>(s.players());
        players.add(player);
        return Step.of(new State(players, s.started(), s.relayed()));
    }

    @Override
    public Step<State> start(State s, long tick) {
        return Step.of(new State(s.players(), true, s.relayed()));
    }

    @Override
    public Step<State> leave(State s, PlayerId player) {
        List<PlayerId> players = new ArrayList<>(s.players());
        players.remove(player);
        return Step.of(new State(players, s.started(), s.relayed()));
    }

    @Override
    public InputResult<State> input(State s, PlayerId player, Input input) {
        return InputResult.accept(new State(s.players(), s.started(), s.relayed() + 1),
                new Relayed(player, input.data()));
    }

    @Override
    public Step<State> tick(State s, long tick) {
        return Step.of(s);
    }

    /** Never: the players report the result. */
    @Override
    public Optional<MatchResult> result(State s) {
        return Optional.empty();
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
