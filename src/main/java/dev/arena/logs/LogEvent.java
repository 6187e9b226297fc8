package dev.arena.logs;

import java.time.Instant;

/**
 * One valid line of a game log. {@code data} is the line's optional {@code data} object exactly as it was sent
 * (its JSON text), or null.
 */
public record LogEvent(Instant ts, String gameId, String mode, String playerId, String type, double value,
                       String data) {}
