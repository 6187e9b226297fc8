package dev.arena.match;

import java.util.List;
import java.util.Objects;

/** A new state and the public events that led to it. */
public record Step<S>(S state, List<GameEvent> events) {

    public Step {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    public static <S> Step<S> of(S state) {
        return new Step<>(state, List.of());
    }

    public static <S> Step<S> of(S state, GameEvent... events) {
        return new Step<>(state, List.of(events));
    }
}
