package dev.arena.lobby;

import dev.arena.match.MatchId;

/**
 * What the lobby feed lists of a game: an open game to join ({@link LobbyMatch}) or a match being played that
 * anyone may watch ({@link LiveMatch}). Values only, so two listings of an unchanged game are equal.
 */
public sealed interface Listing permits LobbyMatch, LiveMatch {

    MatchId gameId();

    String mode();

    /** The creator's region; null when none was given (matchmaking and tournament games have none). */
    String region();

    /** The node that runs the game. */
    String ownerNode();
}
