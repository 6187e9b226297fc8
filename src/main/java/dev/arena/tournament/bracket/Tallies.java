package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.HashMap;
import java.util.Map;

/** Per-player {@link Tally} over a set of pairings; only decided pairings and byes count. */
final class Tallies {

    private Tallies() {
    }

    static Map<PlayerId, Tally> of(Iterable<Pairing> pairings, SeriesRules rules) {
        Map<PlayerId, Tally> tallies = new HashMap<>();
        for (Pairing p : pairings) {
            switch (p.state()) {
                case PairingState.Decided d -> {
                    GameScore games = rules.games(d.result());
                    PlayerId home = p.homePlayer().orElseThrow();
                    PlayerId away = p.awayPlayer().orElseThrow();
                    tallies.put(home, tallies.getOrDefault(home, Tally.EMPTY).plus(d.outcome(), Side.HOME, games));
                    tallies.put(away, tallies.getOrDefault(away, Tally.EMPTY).plus(d.outcome(), Side.AWAY, games));
                }
                case PairingState.Bye b -> {
                    PlayerId player = p.winner().orElseThrow();
                    tallies.put(player, tallies.getOrDefault(player, Tally.EMPTY).plusBye());
                }
                default -> { }
            }
        }
        return tallies;
    }
}
