package dev.arena.common;

import java.time.Duration;
import java.util.List;

/**
 * Named domain errors. Domain code throws (or fails futures with) these; only the edge
 * ({@code gateway}) maps them to HTTP statuses or WebSocket error codes. Stack traces are skipped:
 * these are expected outcomes of bad requests, not bugs, and must stay cheap under abuse.
 */
public abstract sealed class ArenaException extends RuntimeException {

    protected ArenaException(String message) {
        super(message, null, false, false);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}

    public static final class NotFound extends ArenaException {
        public NotFound(String message) {
            super(message);
        }
    }

    public static final class Conflict extends ArenaException {
        public Conflict(String message) {
            super(message);
        }
    }

    public static final class Invalid extends ArenaException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(errors.isEmpty() ? "invalid request" : errors.getFirst().field() + ": " + errors.getFirst().message());
            this.errors = List.copyOf(errors);
        }

        public Invalid(String field, String message) {
            this(List.of(new FieldError(field, message)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Missing, malformed, expired or revoked credentials. */
    public static final class Unauthorized extends ArenaException {
        public Unauthorized(String message) {
            super(message);
        }
    }

    /** Authenticated, but the role or relationship does not allow it. */
    public static final class Forbidden extends ArenaException {
        public Forbidden(String message) {
            super(message);
        }
    }

    public static final class RateLimited extends ArenaException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * A policy refused the action (muted, banned, filtered, room full, ...). {@code code} is the stable
     * machine-readable reason, sent as the WebSocket error code; over HTTP it is a 403 whose problem
     * type ends in the code.
     */
    public static final class Rejected extends ArenaException {
        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A dependency (database, Redis) is not answering. */
    public static final class Unavailable extends ArenaException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
