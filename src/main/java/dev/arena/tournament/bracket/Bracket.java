package dev.arena.tournament.bracket;

import java.util.List;

/**
 * An immutable tournament bracket. Every transition returns a new bracket and leaves this one untouched,
 * so a service can keep the previous value until the new state is stored.
 *
 * <p>Implementations: {@link EliminationBracket} (single and double elimination), {@link RoundRobinBracket},
 * {@link SwissBracket}. Start one with {@link Brackets#start}.
 */
public sealed interface Bracket permits EliminationBracket, RoundRobinBracket, SwissBracket {

    Format format();

    /** Seeds ordered by rank. */
    List<Seed> seeds();

    /** Every pairing known so far, in a stable order (round by round, table by table). */
    List<Pairing> pairings();

    /** @throws BracketException {@code UNKNOWN_PAIRING} */
    Pairing pairing(PairingId id);

    /** Pairings whose two players are known and which wait for a result. */
    default List<Pairing> readyPairings() {
        return pairings().stream().filter(p -> p.state() instanceof PairingState.Ready).toList();
    }

    /**
     * Records the first result of a ready pairing.
     *
     * @throws BracketException {@code UNKNOWN_PAIRING}, {@code NOT_READY}, {@code ALREADY_DECIDED},
     *                          {@code INVALID_RESULT}, {@code DRAW_NOT_ALLOWED}
     */
    Bracket reportResult(PairingId id, Result result);

    /**
     * Replaces the result of a decided pairing (an organiser's decision) and resets what depended on it;
     * see each format for what "depended" means.
     *
     * @throws BracketException {@code UNKNOWN_PAIRING}, {@code NOT_DECIDED}, {@code INVALID_RESULT},
     *                          {@code DRAW_NOT_ALLOWED}
     */
    Correction correctResult(PairingId id, Result result);

    /** True when every pairing is settled and no further pairing will be created. */
    boolean isComplete();

    /** Current standings, best first; final once {@link #isComplete()}. */
    List<Standing> standings();

    default BracketSnapshot snapshot() {
        return new BracketSnapshot(format(), seeds(), pairings());
    }
}
