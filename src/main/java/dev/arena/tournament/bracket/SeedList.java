package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import dev.arena.tournament.bracket.BracketException.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validated seeds, ordered by rank, with a lookup from player to seed rank. */
record SeedList(List<Seed> seeds, Map<PlayerId, Integer> rankOf) {

    static final int MAX_PLAYERS = 65_536;

    static SeedList of(List<Seed> seeds) {
        List<String> errors = new ArrayList<>();
        if (seeds.size() < 2) {
            errors.add("at least 2 players are needed, got " + seeds.size());
        }
        if (seeds.size() > MAX_PLAYERS) {
            errors.add("at most " + MAX_PLAYERS + " players, got " + seeds.size());
        }
        List<Seed> sorted = seeds.stream().sorted(Comparator.comparingInt(Seed::rank)).toList();
        Set<PlayerId> players = new HashSet<>();
        Map<PlayerId, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Seed seed = sorted.get(i);
            if (seed.rank() != i + 1) {
                errors.add("seed ranks must be exactly 1.." + sorted.size() + ", found " + seed.rank()
                        + " at position " + (i + 1));
                break;
            }
            if (!players.add(seed.player())) {
                errors.add("player " + seed.player() + " is seeded twice");
            }
            rankOf.put(seed.player(), seed.rank());
        }
        if (!errors.isEmpty()) {
            throw new BracketException(Reason.INVALID_SEEDS, String.join("; ", errors));
        }
        return new SeedList(sorted, Map.copyOf(rankOf));
    }

    int size() {
        return seeds.size();
    }

    /** The player seeded at {@code rank} (1-based). */
    PlayerId player(int rank) {
        return seeds.get(rank - 1).player();
    }

    int rank(PlayerId player) {
        Integer rank = rankOf.get(player);
        if (rank == null) {
            throw new BracketException(Reason.INVALID_SNAPSHOT, "player " + player + " is not seeded");
        }
        return rank;
    }
}
