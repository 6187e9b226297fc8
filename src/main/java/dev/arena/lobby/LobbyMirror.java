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
 * What this node knows of the other nodes' listed games (a cluster): kept from their published changes, filled
 * and repaired by a resync (their current lists, at start and after a Redis outage), emptied of a node found
 * gone. Each step returns the changes this node's subscribers must be told. Owner-only (the lobby's context).
 */
final class LobbyMirror {
    private final Map<MatchId, LobbyMatch> games = new LinkedHashMap<>();
    /** Games changed by messages since the resync began (their state is newer than the lists); null when none runs. */
    private Set<MatchId> touched;

    /** Another node's published changes. */
    List<LobbyChange> apply(List<LobbyChange> changes) {
        for (LobbyChange c : changes) {
            if (c instanceof LobbyChange.Removed) {
                games.remove(c.game().gameId());
            } else {
                games.put(c.game().gameId(), c.game());
            }
            if (touched != null) {
                touched.add(c.game().gameId());
            }
        }
        return changes;
    }

    /** A resync starts: changes received from now on win over the lists it will bring. */
    void resyncing() {
        touched = new HashSet<>();
    }

    /**
     * The current lists of the nodes that answered ({@code node → games}): games they no longer list are removed,
     * new or changed ones added or updated, except games a message changed meanwhile.
     */
    List<LobbyChange> resynced(Map<String, List<LobbyMatch>> lists) {
        Set<MatchId> newer = touched == null ? Set.of() : touched;
        touched = null;
        List<LobbyChange> out = new ArrayList<>();
        Set<MatchId> listed = new HashSet<>();
        for (List<LobbyMatch> list : lists.values()) {
            for (LobbyMatch g : list) {
                listed.add(g.gameId());
                if (newer.contains(g.gameId())) {
                    continue;
                }
                LobbyMatch before = games.put(g.gameId(), g);
                if (before == null) {
                    out.add(new LobbyChange.Added(g));
                } else if (!before.equals(g)) {
                    out.add(new LobbyChange.Updated(g));
                }
            }
        }
        for (LobbyMatch g : List.copyOf(games.values())) {
            if (lists.containsKey(g.ownerNode()) && !listed.contains(g.gameId()) && !newer.contains(g.gameId())) {
                games.remove(g.gameId());
                out.add(new LobbyChange.Removed(g));
            }
        }
        return out;
    }

    /** Forgets the games of nodes that are not among the live {@code peers} any more. */
    List<LobbyChange> keepOnly(Collection<String> peers) {
        List<LobbyChange> out = new ArrayList<>();
        for (LobbyMatch g : List.copyOf(games.values())) {
            if (!peers.contains(g.ownerNode())) {
                games.remove(g.gameId());
                out.add(new LobbyChange.Removed(g));
            }
        }
        return out;
    }

    Collection<LobbyMatch> games() {
        return games.values();
    }
}
