package dev.arena.lobby;

import dev.arena.common.PlayerId;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;
import java.util.List;

/**
 * One match being played that anyone may watch, as the lobby's "live now" list shows it: a public game, or one of
 * matchmaking or a tournament, while it runs. Its fields are a subset of {@code GET /games}' items (players as
 * {@code {player}}), so a client treats both alike. What changes while it runs is who plays (a leave or a
 * forfeit) and {@code spectators}: the viewers watching it on any node, as its hosting node's loop counts them
 * ({@code GET /games}' {@code spectators}; a player watching in two tabs counts once). Spectators come and go
 * without a match event, so the match reports a changed count itself ({@code MatchListener#spectatorsChanged})
 * and the live list merges a match's updates to at most one a second ({@link LobbyTracker#LIVE_UPDATE_INTERVAL}).
 */
public record LiveMatch(MatchId gameId, String mode, String region, List<Seat> players, int spectators,
                        String ownerNode) implements Listing {

    /** A player of the match, as in {@code GET /games}' {@code players}. */
    public record Seat(PlayerId player) {}

    public LiveMatch {
        players = List.copyOf(players);
    }

    /** The listing of the game, or null when it is not running or not for everyone to watch. */
    static LiveMatch of(HostedMatches.HostedMatch g) {
        MatchView v = g.view();
        if (v.status() != MatchStatus.RUNNING || !HostedMatches.watchable(g)) {
            return null;
        }
        return new LiveMatch(g.id(), g.mode(), g.region(), v.players().stream().map(p -> new Seat(p.player())).toList(),
                v.spectators(), g.ownerNode());
    }
}
