package dev.arena.lobby;

import dev.arena.match.MatchId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this node knows of the other nodes' listed games (a cluster), open games and live matches alike: kept from
 * their published changes, filled and repaired by a resync (their current lists, at start and after a Redis
 * outage), emptied of a node found gone. Each step returns the changes this node's subscribers must be told.
 * Owner-only (the lobby's context).
 */
final class LobbyMirror {
    /** A game is in each list at most once; one game may be in both for a moment (open, then live). */
    private record Key(boolean live, MatchId id) {
        static Key of(Listing g) {
            return new Key(g instanceof LiveMatch, g.gameId());
        }
    }

    private final Map<Key, Listing> games = new LinkedHashMap<>();
    /** Games changed by messages since the resync began (their state is newer than the lists); null when none runs. */
    private Set<Key> touched;

    /** Another node's published changes. */
    List<LobbyChange> apply(List<LobbyChange> changes) {
        for (LobbyChange c : changes) {
            Key k = Key.of(c.game());
            if (c instanceof LobbyChange.Removed) {
                games.remove(k);
            } else {
                games.put(k, c.game());
            }
            if (touched != null) {
                touched.add(k);
            }
        }
        return changes;
    }

    /** A resync starts: changes received from now on win over the lists it will bring. */
    void resyncing() {
        touched = new HashSet<>();
    }

    /**
     * The current lists of the nodes that answered ({@code node → games}, open and live): games they no longer
     * list are removed, new or changed ones added or updated, except games a message changed meanwhile.
     */
    List<LobbyChange> resynced(Map<String, ? extends List<? extends Listing>> lists) {
        Set<Key> newer = touched == null ? Set.of() : touched;
        touched = null;
        List<LobbyChange> out = new ArrayList<>();
        Set<Key> listed = new HashSet<>();
        for (List<? extends Listing> list : lists.values()) {
            for (Listing g : list) {
                Key k = Key.of(g);
                listed.add(k);
                if (newer.contains(k)) {
                    continue;
                }
                Listing before = games.put(k, g);
                if (before == null) {
                    out.add(new LobbyChange.Added(g));
                } else if (!before.equals(g)) {
                    out.add(new LobbyChange.Updated(g));
                }
            }
        }
        for (Map.Entry<Key, Listing> e : List.copyOf(games.entrySet())) {
            Listing g = e.getValue();
            if (lists.containsKey(g.ownerNode()) && !listed.contains(e.getKey()) && !newer.contains(e.getKey())) {
                games.remove(e.getKey());
                out.add(new LobbyChange.Removed(g));
            }
        }
        return out;
    }

    /** Forgets the games of nodes that are not among the live {@code peers} any more. */
    List<LobbyChange> keepOnly(Collection<String> peers) {
        List<LobbyChange> out = new ArrayList<>();
        for (Map.Entry<Key, Listing> e : List.copyOf(games.entrySet())) {
            if (!peers.contains(e.getValue().ownerNode())) {
                games.remove(e.getKey());
                out.add(new LobbyChange.Removed(e.getValue()));
            }
        }
        return out;
    }

    /** Every listing, open games and live matches. */
    Collection<Listing> games() {
        return games.values();
    }
}
