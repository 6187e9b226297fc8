package dev.arena.tournament;

import dev.arena.common.PlayerId;
import dev.arena.tournament.bracket.Feed;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Side;
import dev.arena.tournament.bracket.Slot;
import java.util.Locale;

/** Compact text forms of slots and results, for storage columns and the transition log. */
public final class BracketText {
    private BracketText() {}

    /** {@code p:<player>}, {@code w:<pairing>}, {@code l:<pairing>} or {@code -}. */
    public static String slot(Slot s) {
        return switch (s) {
            case Slot.Filled f -> "p:" + f.player().value();
            case Slot.Empty e -> "-";
            case Slot.Awaiting a -> (a.feed() == Feed.WINNER ? "w:" : "l:") + a.pairing().value();
        };
    }

    public static Slot slot(String s) {
        if (s.equals("-")) {
            return Slot.EMPTY;
        }
        String rest = s.substring(2);
        return switch (s.substring(0, 2)) {
            case "p:" -> Slot.of(PlayerId.parse(rest));
            case "w:" -> new Slot.Awaiting(PairingId.of(rest), Feed.WINNER);
            case "l:" -> new Slot.Awaiting(PairingId.of(rest), Feed.LOSER);
            default -> throw new IllegalArgumentException("not a stored slot: " + s);
        };
    }

    /** {@code pending}, {@code ready}, {@code bye}, {@code skipped}, {@code decided}. */
    public static String state(PairingState s) {
        return switch (s) {
            case PairingState.Pending p -> "pending";
            case PairingState.Ready r -> "ready";
            case PairingState.Bye b -> "bye";
            case PairingState.Skipped k -> "skipped";
            case PairingState.Decided d -> "decided";
        };
    }

    /** {@code 2-1-0} (home wins, away wins, draws) or {@code walkover:home} (the no-show side). */
    public static String result(Result r) {
        return switch (r) {
            case Result.Series s -> s.homeWins() + "-" + s.awayWins() + "-" + s.draws();
            case Result.Walkover w -> "walkover:" + w.noShow().name().toLowerCase(Locale.ROOT);
        };
    }

    public static Result result(String s) {
        if (s.startsWith("walkover:")) {
            return Result.walkover(Side.valueOf(s.substring(9).toUpperCase(Locale.ROOT)));
        }
        String[] p = s.split("-");
        return Result.series(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }
}
