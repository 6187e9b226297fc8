package dev.arena.match;

import java.util.Objects;

/** Whether the rules let a player join now. */
public sealed interface JoinDecision {
    JoinDecision ACCEPT = new Accept();

    record Accept() implements JoinDecision {}

    record Refuse(String code, String message) implements JoinDecision {
        public Refuse {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    static JoinDecision refuse(String code, String message) {
        return new Refuse(code, message);
    }
}
