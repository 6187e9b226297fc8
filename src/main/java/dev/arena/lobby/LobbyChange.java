package dev.arena.lobby;

/** What the lobby feed tells its subscribers: {@code lobby.game_added}, {@code _updated}, {@code _removed}. */
public sealed interface LobbyChange {

    /** The game as the subscriber should now show it (the last one sent, for a removal). */
    LobbyMatch game();

    /** A game appeared: created, or a player took the first seat of an emptied one. */
    record Added(LobbyMatch game) implements LobbyChange {}

    /** What a lobby shows of the game changed (players, readiness, host); the latest state of merged changes. */
    record Updated(LobbyMatch game) implements LobbyChange {}

    /** The game left the lobby: it started, or ended before starting. */
    record Removed(LobbyMatch game) implements LobbyChange {}
}
