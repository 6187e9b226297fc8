package dev.arena.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One console action: who ({@code actorId}, {@code actorName}), what ({@code action} on {@code target}), when, why. */
public record AuditEntry(long id, Instant at, UUID actorId, String actorName, String action, String target,
                         String reason, Map<String, Object> detail) {
    public AuditEntry {
        detail = Map.copyOf(detail);
    }
}
