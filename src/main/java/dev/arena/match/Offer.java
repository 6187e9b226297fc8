package dev.arena.match;

import java.util.Objects;

/**
 * The immediate answer to offering an input: queued for the next tick (where the rules may still reject it,
 * reported through {@link MatchListener#inputRejected}), or refused at once.
 */
public sealed interface Offer {
    Offer QUEUED = new Queued();

    record Queued() implements Offer {}

    /** {@code code}: {@code malformed}, {@code busy} or {@code ended}. */
    record Refused(String code, String message) implements Offer {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
