package dev.arena.lobby;

/**
 * What the lobby feed tells its subscribers of one listed game: {@code lobby.game_added}, {@code _updated},
 * {@code _removed} for open games ({@link LobbyMatch}), {@code lobby.live_added}, {@code _updated}, {@code _removed}
 * for matches anyone may watch ({@link LiveMatch}).
 */
public sealed interface LobbyChange {

    /** The game as the subscriber should now show it (the last one sent, for a removal). */
    Listing game();

    /** A game appeared: created, or a player took the first seat of an emptied one; a watchable match started. */
    record Added(Listing game) implements LobbyChange {}

    /** What a lobby shows of the game changed (players, readiness, host); the latest state of merged changes. */
    record Updated(Listing game) implements LobbyChange {}

    /** The game left its list: an open game started or ended before starting; a live match ended. */
    record Removed(Listing game) implements LobbyChange {}
}
