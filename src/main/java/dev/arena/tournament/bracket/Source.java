package dev.arena.tournament.bracket;

import java.util.Objects;

/** Where an elimination slot gets its player: a seed rank, or the winner/loser of an earlier pairing. */
sealed interface Source {

    /** The player seeded at {@code rank}; a rank above the number of players is a bye. */
    record Seeded(int rank) implements Source {
    }

    record From(PairingId pairing, Feed feed) implements Source {
        public From {
            Objects.requireNonNull(pairing, "pairing");
            Objects.requireNonNull(feed, "feed");
        }
    }

    static Source winnerOf(PairingId pairing) {
        return new From(pairing, Feed.WINNER);
    }

    static Source loserOf(PairingId pairing) {
        return new From(pairing, Feed.LOSER);
    }
}
