package dev.arena.chat;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A moderator's request to mute a player; validated on construction (field names are the HTTP ones). */
public record MuteOrder(UUID playerId, String room, Duration duration, String reason) {
    public static final Duration MAX_DURATION = Duration.ofDays(365);
    public static final int MAX_REASON = 500;

    public MuteOrder {
        List<FieldError> errors = new ArrayList<>();
        if (playerId == null) {
            errors.add(new FieldError("player_id", "is required"));
        }
        if (room != null && !ChatRooms.NAME.matcher(room).matches() && ChatRooms.participants(room).isEmpty()) {
            errors.add(new FieldError("room", ChatRooms.NAME_RULE));
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            errors.add(new FieldError("duration_seconds", "must be between 1 and " + MAX_DURATION.toSeconds()));
        }
        errors.addAll(reasonErrors(reason));
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        reason = reason.strip();
    }

    static List<FieldError> reasonErrors(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldError("reason", "is required"));
        }
        if (reason.strip().codePointCount(0, reason.strip().length()) > MAX_REASON) {
            return List.of(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
        }
        return List.of();
    }
}
