package dev.arena.tournament.bracket;

import java.util.Objects;

/**
 * A transition the bracket refuses. The {@link Reason} is what an API edge maps to a status code; the
 * message is for humans. No stack trace is captured: these are expected answers to bad input, not bugs.
 */
public final class BracketException extends RuntimeException {

    public enum Reason {
        /** No pairing with that id in this bracket. */
        UNKNOWN_PAIRING,
        /** The pairing's players are not both known yet, or it is a bye or not played at all. */
        NOT_READY,
        /** A result was already reported; an organiser must use a correction. */
        ALREADY_DECIDED,
        /** A correction was asked for a pairing without a result. */
        NOT_DECIDED,
        /** The result does not fit the series rules (too many games, unfinished series...). */
        INVALID_RESULT,
        /** A drawn game or pairing in a format that does not allow draws. */
        DRAW_NOT_ALLOWED,
        /** Seeds missing, duplicated, ranks not 1..n, too few or too many players. */
        INVALID_SEEDS,
        /** Format options that cannot work with these players (e.g. more Swiss rounds than opponents). */
        INVALID_FORMAT,
        /** A stored bracket that is not consistent with its format and seeds. */
        INVALID_SNAPSHOT
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public BracketException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "BracketException[" + reason + "]: " + getMessage();
    }
}
