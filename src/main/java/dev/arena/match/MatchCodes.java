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

    private MatchCodes() {}
}
