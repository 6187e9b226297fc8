package dev.arena.match;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every join, start, leave and accepted input of one running match with its tick number, plus the seed and
 * settings: enough for {@link Replay} to reproduce the match exactly. Written only by the match's owner; closed when
 * the match ends, and read-only (safe to hand to another thread) from then on.
 *
 * <p>Only the actions, not the events the match emitted: an {@code arena_battle} emits a fighter delta per moving
 * fighter per tick (131,000 entries for a 10-minute, 8-fighter match against 34,000 actions); {@link Replay}
 * regenerates the events.
 *
 * <p>Kept as bytes ({@link LogBytes}), not as an object per entry. A match's log lives as long as the match, so every
 * entry object was copied into the old generation: 500 matches of 4 at 20 Hz keep 10,000 inputs a second. And when a
 * tournament round ended hundreds of long matches at once, each log became its storable form (an entry and a map per
 * input) and then its JSON text, all live until the database had it: a 170 s run's 500 matches ending together took
 * the heap from 263 to 941 MB, young pauses of up to 207 ms and a full collection of 417 ms (docs/BENCHMARKS.md,
 * 2026-12-07). Here an input is written as its JSON ({@link GameRules#encodeInput}) when it is accepted, and
 * {@link #json()} writes the stored form from the bytes in one pass.
 *
 * <p>A record: the kind ({@code j}oin, {@code s}tart, {@code l}eave, {@code i}nput), the tick (from the record
 * before), the player as an index into {@link #players()}, and for a leave its reason, for an input its JSON.
 */
public final class EventLog<I> {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final byte JOIN = 'j';
    private static final byte START = 's';
    private static final byte LEAVE = 'l';
    private static final byte INPUT = 'i';
    /** Kind, tick and player index. */
    private static final int HEAD = 1 + LogBytes.MAX_LONG + LogBytes.MAX_INT;

    private final String mode;
    private final long seed;
    private final Map<String, Object> settings;
    private final int tickRate;
    private final GameRules<?, ?, I> rules;
    private final LogBytes bytes = new LogBytes();
    /** Every player a record names, in the order first named; a record names a player by its index here. */
    private final List<PlayerId> players = new ArrayList<>();
    private int count;
    private long lastTick;
    private long finalTick = -1;

    EventLog(String mode, long seed, Map<String, Object> settings, int tickRate, GameRules<?, ?, I> rules) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.seed = seed;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.tickRate = tickRate;
    }

    void add(LogEntry<I> entry) {
        if (finalTick >= 0) {
            throw new IllegalStateException("the log of a finished match is closed");
        }
        switch (entry) {
            case LogEntry.Joined<I> j -> {
                bytes.start(JOIN, HEAD);
                head(j.tick(), j.player());
            }
            case LogEntry.Started<I> s -> {
                bytes.start(START, HEAD);
                bytes.putTick(s.tick() - lastTick);
            }
            case LogEntry.Left<I> l -> {
                byte[] reason = l.reason().getBytes(StandardCharsets.UTF_8);
                bytes.start(LEAVE, HEAD + LogBytes.MAX_INT + reason.length);
                head(l.tick(), l.player());
                bytes.putBytes(reason);
            }
            case LogEntry.Input<I> in -> {
                JsonOut json = InputJson.of(rules.encodeInput(in.input()));
                bytes.start(INPUT, HEAD + LogBytes.MAX_INT + json.size());
                head(in.tick(), in.player());
                bytes.putBytes(json.array(), json.size());
            }
            case LogEntry.Emitted<I> ignored ->
                    throw new IllegalArgumentException("a running match's log keeps actions only, not events");
        }
        lastTick = entry.tick();
        count++;
    }

    private void head(long tick, PlayerId player) {
        bytes.putTick(tick - lastTick);
        bytes.putVarLong(indexOf(player));
    }

    /**
     * An input's JSON, written by one generator per thread into one buffer per thread (a match's owner is an event
     * loop): {@code writeValueAsBytes} made a generator, its buffers and the array, about 650 bytes per input, a
     * third more young collections for 500 matches. Valid until the thread's next input.
     */
    private static final class InputJson {
        private static final ThreadLocal<InputJson> MINE = ThreadLocal.withInitial(InputJson::new);

        private final JsonOut out = new JsonOut(256);
        private final JsonGenerator generator;

        private InputJson() {
            try {
                generator = Json.MAPPER.createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator.setRootValueSeparator(null); // one value after another, nothing between
        }

        static JsonOut of(Object value) {
            InputJson mine = MINE.get();
            mine.out.clear();
            try {
                Json.MAPPER.writeValue(mine.generator, value);
                mine.generator.flush();
                return mine.out;
            } catch (IOException | RuntimeException e) {
                MINE.remove(); // the generator may be left inside an object: the next input gets a new one
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }
    }

    /** The seat's own id is the one named (by identity) almost always: a match has a handful of players. */
    private int indexOf(PlayerId player) {
        for (int i = 0; i < players.size(); i++) {
            if (players.get(i) == player) {
                return i;
            }
        }
        int found = players.indexOf(player);
        if (found >= 0) {
            return found;
        }
        players.add(player);
        return players.size() - 1;
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

    /** How many entries the log holds. */
    public int size() {
        return count;
    }

    /** Everyone who took a seat, in the order they first joined (a running match names no one else). */
    public List<PlayerId> players() {
        return Collections.unmodifiableList(players);
    }

    /**
     * The entries in the order they happened: joins, starts, leaves and accepted inputs, made from the bytes (inputs
     * decoded by the game's rules) on every call. Read it only once {@link #closed()} (or on the owner).
     */
    public List<LogEntry<I>> entries() {
        List<LogEntry<I>> out = new ArrayList<>(count);
        read((kind, tick, player, array, offset, length) -> out.add(switch (kind) {
            case JOIN -> new LogEntry.Joined<>(tick, players.get(player));
            case START -> new LogEntry.Started<>(tick);
            case LEAVE -> new LogEntry.Left<>(tick, players.get(player), text(array, offset, length));
            default -> new LogEntry.Input<>(tick, players.get(player), rules.decodeInput(map(array, offset, length)));
        }));
        return Collections.unmodifiableList(out);
    }

    /**
     * The storable form, inputs as the game's rules encode them. {@link Replay} regenerates the game's events from it
     * ({@link Replay#withEvents} gives the form with events, e.g. for a replay viewer). Its JSON is {@link #json()}.
     */
    public StoredLog store() {
        List<StoredLog.Entry> out = new ArrayList<>(count);
        read((kind, tick, player, array, offset, length) -> out.add(switch (kind) {
            case JOIN -> new StoredLog.Entry(tick, "join", players.get(player), null);
            case START -> new StoredLog.Entry(tick, "start", null, null);
            case LEAVE -> new StoredLog.Entry(tick, "leave", players.get(player),
                    Map.of("reason", text(array, offset, length)));
            default -> new StoredLog.Entry(tick, "input", players.get(player), map(array, offset, length));
        }));
        return new StoredLog(mode, seed, settings, tickRate, finalTick, out);
    }

    /**
     * The JSON text of {@link #store()} (as {@code Json.MAPPER} writes it), from the bytes in one pass with no object
     * per entry: each input's JSON is copied as it is, each player's id written from its bytes made once. Costly for
     * a long match (a few milliseconds per 10,000 entries): not on an event loop.
     */
    public String json() {
        byte[][] ids = new byte[players.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ('"' + players.get(i).value().toString() + '"').getBytes(StandardCharsets.US_ASCII);
        }
        // an entry's text is its input's bytes and about 90 more (tick, kind, quoted id, the field names)
        JsonOut out = new JsonOut((int) Math.min(Integer.MAX_VALUE - 8, bytes.size() + count * 96L + 256));
        out.ascii("{\"mode\":").value(mode).ascii(",\"seed\":").number(seed).ascii(",\"settings\":").value(settings)
                .ascii(",\"tick_rate\":").number(tickRate).ascii(",\"final_tick\":").number(finalTick)
                .ascii(",\"entries\":[");
        int entries = out.size(); // where the first entry goes: the others come after a comma
        read((kind, tick, player, array, offset, length) -> {
            out.ascii(out.size() == entries ? "{\"tick\":" : ",{\"tick\":").number(tick);
            switch (kind) {
                case JOIN -> out.ascii(",\"kind\":\"join\",\"player\":").raw(ids[player]).ascii(",\"data\":null}");
                case START -> out.ascii(",\"kind\":\"start\",\"player\":null,\"data\":null}");
                case LEAVE -> out.ascii(",\"kind\":\"leave\",\"player\":").raw(ids[player])
                        .ascii(",\"data\":{\"reason\":").value(text(array, offset, length)).ascii("}}");
                default -> out.ascii(",\"kind\":\"input\",\"player\":").raw(ids[player])
                        .ascii(",\"data\":").raw(array, offset, length).ascii("}");
            }
        });
        return out.ascii("]}").text();
    }

    private interface Visitor {
        /**
         * One entry; {@code player} is an index into {@link #players} (-1 for a start); for a leave its reason's
         * bytes, for an input its JSON's, are {@code array[offset, +length)}.
         */
        void entry(byte kind, long tick, int player, byte[] array, int offset, int length);
    }

    private void read(Visitor visitor) {
        LogBytes.Reader r = bytes.reader();
        long tick = 0;
        for (byte kind = r.next(); kind != 0; kind = r.next()) {
            tick += r.tick();
            int player = kind == START ? -1 : (int) r.varLong();
            int length = kind == LEAVE || kind == INPUT ? r.bytes() : 0;
            visitor.entry(kind, tick, player, r.array(), r.offset(), length);
        }
    }

    private static String text(byte[] array, int offset, int length) {
        return new String(array, offset, length, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> map(byte[] array, int offset, int length) {
        try {
            return Json.MAPPER.readValue(array, offset, length, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
