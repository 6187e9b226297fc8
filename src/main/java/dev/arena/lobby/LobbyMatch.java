package dev.arena.lobby;

import dev.arena.common.PlayerId;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;

/**
 * One open game as the lobby lists it: a public game created with {@code POST /games/create} (so it has a host),
 * still waiting for players. Values only, so two listings of an unchanged game are equal (the feed sends an
 * update only when something a lobby shows changed).
 *
 * @param region     the creator's region, null when none was given
 * @param host       who may start the game and kick players
 * @param readyCount seated players who are ready
 * @param hasSpace   a seat is free
 */
public record LobbyMatch(MatchId gameId, String mode, String region, PlayerId host, int playerCount, int readyCount,
                        int minPlayers, int maxPlayers, boolean hasSpace, String ownerNode) implements Listing {

    /** The listing of the game, or null when the lobby does not list it (private, reserved, started, ended). */
    static LobbyMatch of(HostedMatches.HostedMatch g, int minPlayers) {
        MatchView v = g.view();
        if (g.privateGame() || !g.reserved().isEmpty() || g.creator() == null || v.status() != MatchStatus.WAITING) {
            return null;
        }
        int players = v.players().size();
        int ready = (int) v.players().stream().filter(p -> Boolean.TRUE.equals(p.ready())).count();
        return new LobbyMatch(g.id(), g.mode(), g.region(), v.host(), players, ready, minPlayers, g.maxPlayers(),
                players < g.maxPlayers(), g.ownerNode());
    }
}
