package dev.arena.match;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arena.common.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every join, start, leave, accepted input and emitted event of one match with its tick number, plus the
 * seed and settings: enough for {@link Replay} to reproduce the match exactly. Written only by the match's
 * owner; closed when the match ends, and read-only (safe to hand to another thread) from then on.
 */
public final class EventLog<I> {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final String mode;
    private final long seed;
    private final Map<String, Object> settings;
    private final int tickRate;
    private final List<LogEntry<I>> entries;
    private final GameRules<?, ?, I> rules;
    private long finalTick = -1;

    EventLog(String mode, long seed, Map<String, Object> settings, int tickRate, GameRules<?, ?, I> rules) {
        this(mode, seed, settings, tickRate, rules, new ArrayList<>());
    }

    private EventLog(String mode, long seed, Map<String, Object> settings, int tickRate, GameRules<?, ?, I> rules,
                     List<LogEntry<I>> entries) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.seed = seed;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.tickRate = tickRate;
        this.entries = entries;
    }

    void add(LogEntry<I> entry) {
        if (finalTick >= 0) {
            throw new IllegalStateException("the log of a finished match is closed");
        }
        entries.add(entry);
    }

    void close(long lastTick) {
        if (finalTick < 0) {
            finalTick = lastTick;
        }
    }

    public String mode() {
        return mode;
    }

    public long seed() {
        return seed;
    }

    /** The raw settings the match was created with (validated again on replay). */
    public Map<String, Object> settings() {
        return settings;
    }

    public int tickRate() {
        return tickRate;
    }

    /** The last tick run; -1 while the match is running. */
    public long finalTick() {
        return finalTick;
    }

    public boolean closed() {
        return finalTick >= 0;
    }

    /** The entries in the order they happened. Read it only once {@link #closed()} (or on the owner). */
    public List<LogEntry<I>> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The storable form, events included; inputs encoded by the game's rules. */
    public StoredLog store() {
        return store(true);
    }

    /**
     * The storable form without the emitted events (a quarter of the size for a long arena_battle), still
     * enough to replay, since {@link Replay} regenerates the game's events.
     */
    public StoredLog storeActions() {
        return store(false);
    }

    private StoredLog store(boolean withEvents) {
        List<StoredLog.Entry> out = new ArrayList<>(entries.size());
        for (LogEntry<I> e : entries) {
            if (!withEvents && e instanceof LogEntry.Emitted<I>) {
                continue;
            }
            out.add(switch (e) {
                case LogEntry.Joined<I> j -> new StoredLog.Entry(j.tick(), "join", j.player(), null);
                case LogEntry.Started<I> s -> new StoredLog.Entry(s.tick(), "start", null, null);
                case LogEntry.Left<I> l -> new StoredLog.Entry(l.tick(), "leave", l.player(),
                        Map.of("reason", l.reason()));
                case LogEntry.Input<I> in -> new StoredLog.Entry(in.tick(), "input", in.player(),
                        rules.encodeInput(in.input()));
                case LogEntry.Emitted<I> ev -> new StoredLog.Entry(ev.tick(), "event", null,
                        Json.MAPPER.convertValue(ev.event(), MAP));
            });
        }
        return new StoredLog(mode, seed, settings, tickRate, finalTick, out);
    }

    /**
     * Reads a stored log back; inputs are decoded by {@code rules}, events become {@link StoredEvent}s.
     *
     * @throws MalformedInput when a stored input no longer decodes (the game changed incompatibly)
     */
    public static <I> EventLog<I> fromStored(StoredLog stored, GameRules<?, ?, I> rules) {
        List<LogEntry<I>> entries = new ArrayList<>(stored.entries().size());
        for (StoredLog.Entry e : stored.entries()) {
            entries.add(switch (e.kind()) {
                case "join" -> new LogEntry.Joined<>(e.tick(), e.player());
                case "start" -> new LogEntry.Started<>(e.tick());
                case "leave" -> new LogEntry.Left<>(e.tick(), e.player(), String.valueOf(e.data().get("reason")));
                case "input" -> new LogEntry.Input<>(e.tick(), e.player(), rules.decodeInput(e.data()));
                case "event" -> new LogEntry.Emitted<>(e.tick(), new StoredEvent(e.data()));
                default -> throw new IllegalArgumentException("unknown log entry kind '" + e.kind() + "'");
            });
        }
        EventLog<I> log = new EventLog<>(stored.mode(), stored.seed(), stored.settings(), stored.tickRate(), rules,
                entries);
        log.finalTick = stored.finalTick();
        return log;
    }
}
