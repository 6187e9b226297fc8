package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
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

    /**
     * The entries as {@link LogEntry}s, in order: inputs decoded by {@code rules}, events as {@link StoredEvent}s
     * (a log stored before matches stopped keeping events has them).
     *
     * @throws MalformedInput when a stored input no longer decodes (the game changed incompatibly)
     */
    public <I> List<LogEntry<I>> decode(GameRules<?, ?, I> rules) {
        List<LogEntry<I>> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(switch (e.kind()) {
                case "join" -> new LogEntry.Joined<>(e.tick(), e.player());
                case "start" -> new LogEntry.Started<>(e.tick());
                case "leave" -> new LogEntry.Left<>(e.tick(), e.player(), String.valueOf(e.data().get("reason")));
                case "input" -> new LogEntry.Input<>(e.tick(), e.player(), rules.decodeInput(e.data()));
                case "event" -> new LogEntry.Emitted<>(e.tick(), new StoredEvent(e.data()));
                default -> throw new IllegalArgumentException("unknown log entry kind '" + e.kind() + "'");
            });
        }
        return out;
    }
}
