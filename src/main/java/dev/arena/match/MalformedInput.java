package dev.arena.match;

/**
 * An input the game cannot decode (unknown type, missing field, wrong type). Thrown by
 * {@link GameRules#decodeInput}; the player gets the error code {@code malformed}. No stack trace: bad client
 * input is expected and must stay cheap to reject.
 */
public final class MalformedInput extends RuntimeException {
    public MalformedInput(String message) {
        super(message, null, false, false);
    }
}
