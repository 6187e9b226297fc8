package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.Objects;
import java.util.Optional;

/** One side of a pairing: a known player, nobody (a bye), or the winner/loser of a pairing not decided yet. */
public sealed interface Slot {

    record Filled(PlayerId player) implements Slot {
        public Filled {
            Objects.requireNonNull(player, "player");
        }
    }

    /** Nobody will ever sit here: the other side has a bye (or the pairing is not played at all). */
    record Empty() implements Slot {
    }

    /** Filled once {@code pairing} is decided, with its winner or loser; may turn out {@link Empty}. */
    record Awaiting(PairingId pairing, Feed feed) implements Slot {
        public Awaiting {
            Objects.requireNonNull(pairing, "pairing");
            Objects.requireNonNull(feed, "feed");
        }
    }

    Empty EMPTY = new Empty();

    static Slot of(PlayerId player) {
        return new Filled(player);
    }

    default Optional<PlayerId> occupant() {
        return this instanceof Filled f ? Optional.of(f.player()) : Optional.empty();
    }
}
