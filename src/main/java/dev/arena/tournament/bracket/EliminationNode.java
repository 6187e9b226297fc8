package dev.arena.tournament.bracket;

import java.util.Objects;

/**
 * One pairing of an elimination layout. A {@code resetMatch} (the second grand final) takes its slots from
 * the first grand final and is only played when the away side, the losers-bracket champion, won that one.
 */
record EliminationNode(PairingId id, Round round, int table, Source home, Source away, boolean resetMatch) {

    EliminationNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(away, "away");
    }

    static EliminationNode of(String id, Round round, int table, Source home, Source away) {
        return new EliminationNode(PairingId.of(id), round, table, home, away, false);
    }
}
