package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The storable form of an {@link EventLog}: plain values that {@code dev.arena.common.Json} writes and reads
 * back (for a JSONB column and {@code GET /games/{id}/replay}). Inputs are in their wire form
 * ({@link GameRules#encodeInput}); events as their JSON objects.
 */
public record StoredLog(String mode, long seed, Map<String, Object> settings, int tickRate, long finalTick,
                        List<Entry> entries) {

    /**
     * @param kind   {@code join}, {@code start}, {@code leave}, {@code input} or {@code event}
     * @param player for join, leave and input
     * @param data   the input or event object; for leave {@code {"reason": ...}}; null for join and start
     */
    public record Entry(long tick, String kind, PlayerId player, Map<String, Object> data) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
        }
    }

    public StoredLog {
        Objects.requireNonNull(mode, "mode");
        settings = settings == null ? Map.of() : settings;
        entries = List.copyOf(entries);
    }
}
