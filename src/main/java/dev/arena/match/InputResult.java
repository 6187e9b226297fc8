package dev.arena.match;

import java.util.List;
import java.util.Objects;

/** The rules' verdict on one input: accepted (with the new state) or rejected with a stable reason code. */
public sealed interface InputResult<S> {

    record Accepted<S>(S state, List<GameEvent> events) implements InputResult<S> {
        public Accepted {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
        }
    }

    /**
     * @param code    machine-readable reason, {@code snake_case} ({@code cooldown}, {@code not_your_turn}); sent to
     *                the player as the error code
     * @param message for humans
     */
    record Rejected<S>(String code, String message) implements InputResult<S> {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    static <S> InputResult<S> accept(S state, GameEvent... events) {
        return new Accepted<>(state, List.of(events));
    }

    static <S> InputResult<S> reject(String code, String message) {
        return new Rejected<>(code, message);
    }
}
