package dev.arena.tournament.bracket;

import java.util.List;

/** Entry points: start a bracket from seeds, or rebuild one from a stored snapshot. */
public final class Brackets {

    private Brackets() {
    }

    /** @throws BracketException {@code INVALID_SEEDS} or {@code INVALID_FORMAT} */
    public static Bracket start(Format format, List<Seed> seeds) {
        return switch (format) {
            case Format.SingleElimination f -> EliminationBracket.start(f, seeds);
            case Format.DoubleElimination f -> EliminationBracket.start(f, seeds);
            case Format.RoundRobin f -> RoundRobinBracket.start(f, seeds);
            case Format.Swiss f -> SwissBracket.start(f, seeds);
        };
    }

    /** @throws BracketException {@code INVALID_SNAPSHOT} when the snapshot does not describe a valid bracket */
    public static Bracket restore(BracketSnapshot snapshot) {
        Bracket restored = switch (snapshot.format()) {
            case Format.SingleElimination f -> replay(EliminationBracket.start(f, snapshot.seeds()), snapshot);
            case Format.DoubleElimination f -> replay(EliminationBracket.start(f, snapshot.seeds()), snapshot);
            case Format.RoundRobin f -> replay(RoundRobinBracket.start(f, snapshot.seeds()), snapshot);
            // Swiss pairings are history, not a function of the format: keep them as stored rather than
            // re-pairing, so a later change of the pairing algorithm never rewrites a past round.
            case Format.Swiss f -> SwissBracket.restore(f, snapshot.seeds(), snapshot.pairings());
        };
        if (!restored.pairings().equals(snapshot.pairings())) {
            throw new BracketException(BracketException.Reason.INVALID_SNAPSHOT,
                    "stored pairings do not match the bracket rebuilt from format, seeds and results");
        }
        return restored;
    }

    /** Elimination and round-robin structure follows from format and seeds; only results need replaying. */
    private static Bracket replay(Bracket bracket, BracketSnapshot snapshot) {
        Bracket current = bracket;
        // Snapshot order is bracket order, in which every pairing comes after those feeding it.
        for (Pairing stored : snapshot.pairings()) {
            if (stored.state() instanceof PairingState.Decided d) {
                try {
                    current = current.reportResult(stored.id(), d.result());
                } catch (BracketException e) {
                    throw new BracketException(BracketException.Reason.INVALID_SNAPSHOT,
                            "result of " + stored.id() + " cannot be replayed: " + e.getMessage());
                }
            }
        }
        return current;
    }
}
