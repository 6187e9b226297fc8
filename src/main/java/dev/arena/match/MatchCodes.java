package dev.arena.match;

/**
 * Reason codes of the match loop (games add their own, e.g. {@code cooldown}). The gateway sends them as the
 * {@code code} of an {@code error} frame; see docs/MATCHES.md.
 */
public final class MatchCodes {
    /** The match's inbox is full; retry. */
    public static final String BUSY = "busy";
    /** The match has finished. */
    public static final String ENDED = "ended";
    /** The input could not be decoded. */
    public static final String MALFORMED = "malformed";
    /** Every seat is taken. */
    public static final String FULL = "full";
    /** The player left or forfeited this match and cannot come back. */
    public static final String FORFEITED = "forfeited";
    /** The sender is not a player of this match. */
    public static final String NOT_PARTICIPANT = "not_participant";
    /** The sender is a spectator: spectators cannot send input. */
    public static final String SPECTATOR = "spectator";
    /** The player is disconnected (join again to reconnect first). */
    public static final String NOT_CONNECTED = "not_connected";
    /** The match has not started yet. */
    public static final String NOT_STARTED = "not_started";
    /** The spectator limit is reached. */
    public static final String TOO_MANY_SPECTATORS = "too_many_spectators";

    /** The host removed the player from this game; they cannot join it again. */
    public static final String KICKED = "kicked";
    /** The match has already started (ready, kick and start are lobby commands). */
    public static final String ALREADY_STARTED = "already_started";
    /** Ready, start and kick are for lobby games; this one starts by itself (matchmaking, tournaments). */
    public static final String AUTO_START = "auto_start";
    /** A start with fewer seated players than the game's minimum. */
    public static final String NOT_ENOUGH_PLAYERS = "not_enough_players";
    /** A start while some seated players are not ready (and without {@code force}). */
    public static final String PLAYERS_NOT_READY = "players_not_ready";

    private MatchCodes() {}
}
