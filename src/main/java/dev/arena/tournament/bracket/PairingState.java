package dev.arena.tournament.bracket;

import java.util.Objects;

/**
 * Where a pairing is in its life: {@code Pending} (a slot still awaits another pairing) → {@code Ready}
 * (both players known, no result) → {@code Decided}. {@code Bye} (one player, advances without playing) and
 * {@code Skipped} (nobody plays: two empty slots, or a grand-final reset that is not needed) are final.
 */
public sealed interface PairingState {

    record Pending() implements PairingState {
    }

    record Ready() implements PairingState {
    }

    record Bye() implements PairingState {
    }

    record Skipped() implements PairingState {
    }

    record Decided(Result result, Outcome outcome) implements PairingState {
        public Decided {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    Pending PENDING = new Pending();
    Ready READY = new Ready();
    Bye BYE = new Bye();
    Skipped SKIPPED = new Skipped();

    /** True when nothing more will happen to this pairing (unless a result is corrected). */
    default boolean isSettled() {
        return switch (this) {
            case Pending p -> false;
            case Ready r -> false;
            case Bye b -> true;
            case Skipped s -> true;
            case Decided d -> true;
        };
    }
}
