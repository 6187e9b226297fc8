package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.Relay;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A running match's log kept as bytes ({@link LogBytes}): every entry comes back as it went in, and its JSON, written
 * from the bytes, is exactly what {@code Json.MAPPER} writes for {@link EventLog#store()}.
 */
class EventLogTest {

    /** Random entries of a relay game (any JSON input): nested values, non-ASCII, inputs larger than a chunk. */
    private static <I> Written<I> randomLog(GameRules<?, ?, I> rules, long seed, int entries) {
        Random rnd = new Random(seed);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("max_players", 6);
        settings.put("note", "é ✓ \"quoted\"");
        EventLog<I> log = new EventLog<>("relay", seed, settings, 20, rules);
        List<LogEntry<I>> expected = new ArrayList<>();
        List<PlayerId> players = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            players.add(new PlayerId(UUID.randomUUID()));
        }
        long tick = rnd.nextInt(3) == 0 ? 5_000_000_000L : 0;
        for (int i = 0; i < entries; i++) {
            tick += rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(5) == 0 ? 100_000 : rnd.nextInt(3);
            // the same id as a new object now and then: a log names a player by value
            PlayerId p = players.get(rnd.nextInt(players.size()));
            PlayerId named = rnd.nextBoolean() ? p : new PlayerId(p.value());
            LogEntry<I> e = switch (i < players.size() ? 0 : rnd.nextInt(40)) {
                case 0 -> new LogEntry.Joined<>(tick, i < players.size() ? players.get(i) : named);
                case 1 -> new LogEntry.Started<>(tick);
                case 2 -> new LogEntry.Left<>(tick, named, rnd.nextBoolean() ? "grace_expired" : "gegangen ü ✓");
                default -> new LogEntry.Input<>(tick, named, rules.decodeInput(input(rnd)));
            };
            log.add(e);
            expected.add(e);
        }
        log.close(tick + 3);
        return new Written<>(log, expected, players);
    }

    private record Written<I>(EventLog<I> log, List<LogEntry<I>> expected, List<PlayerId> players) {}

    private static Map<String, Object> input(Random rnd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "move");
        m.put("dx", rnd.nextInt(21) - 10);
        m.put("n", rnd.nextLong());
        m.put("x", rnd.nextDouble() * 100);
        m.put("ok", rnd.nextBoolean());
        m.put("nothing", null);
        m.put("say", rnd.nextInt(10) == 0 ? "héllo \n \"✓\" \u0001 😀" : "hi");
        m.put("path", List.of(1, 2, Map.of("deep", List.of("a", "b"))));
        if (rnd.nextInt(500) == 0) {
            m.put("big", "x".repeat(LogBytes.MAX_CHUNK + rnd.nextInt(5_000))); // a record of its own chunk
        }
        return m;
    }

    @Test
    void everyEntryComesBackAsItWentIn() {
        for (long seed = 1; seed <= 4; seed++) {
            Written<?> w = randomLog(new Relay().rules(), seed, 20_000);
            assertThat(w.log().entries()).isEqualTo(w.expected());
            assertThat(w.log().size()).isEqualTo(20_000);
            assertThat(w.log().players()).containsExactlyElementsOf(w.players());
            // the stored form reads back to the same entries
            assertThat(w.log().store().decode(new Relay().rules())).isEqualTo(w.expected());
        }
    }

    @Test
    void itsJsonIsWhatTheMapperWritesForTheStoredForm() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            EventLog<?> log = randomLog(new Relay().rules(), seed, 20_000).log();
            String json = log.json();
            // byte for byte what the mapper's UTF-8 writer makes (which writes a character outside the BMP as two
            // escapes; its String writer keeps it: the same JSON value)
            sameText(json, new String(Json.MAPPER.writeValueAsBytes(log.store()), StandardCharsets.UTF_8));
            assertThat(Json.MAPPER.readTree(json)).isEqualTo(Json.MAPPER.readTree(Json.encodeToString(log.store())));
            assertThat(Json.MAPPER.readValue(json, StoredLog.class)).isEqualTo(log.store());
        }
    }

    /** Equal texts; where they differ, the first difference with a little around it (a log's JSON is long). */
    private static void sameText(String actual, String expected) {
        int i = 0;
        while (i < Math.min(actual.length(), expected.length()) && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        assertThat(actual.substring(from, Math.min(actual.length(), i + 80)))
                .as("at character %d of %d (expected %d)", i, actual.length(), expected.length())
                .isEqualTo(expected.substring(from, Math.min(expected.length(), i + 80)));
    }

    @Test
    void anEmptyLogAndAStartOnlyLogWriteTheirJson() throws Exception {
        EventLog<?> empty = new EventLog<>("relay", 1, Map.of(), 20, new Relay().rules());
        empty.close(0);
        sameText(empty.json(), Json.MAPPER.writeValueAsString(empty.store()));
        assertThat(empty.entries()).isEmpty();
        EventLog<?> started = new EventLog<>("relay", -7, Map.of(), 20, new Relay().rules());
        started.add(new LogEntry.Started<>(0));
        started.close(Long.MAX_VALUE);
        sameText(started.json(), Json.MAPPER.writeValueAsString(started.store()));
    }

    @Test
    void aClosedLogTakesNoMoreAndARunningOneNoEvents() {
        EventLog<?> log = new EventLog<>("relay", 1, Map.of(), 20, new Relay().rules());
        assertThatThrownBy(() -> log.add(new LogEntry.Emitted<>(1, new StoredEvent(Map.of("type", "x")))))
                .isInstanceOf(IllegalArgumentException.class);
        log.close(4);
        assertThatThrownBy(() -> log.add(new LogEntry.Started<>(5))).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Writing the stored form of a long match makes its text and nothing per entry: the build before made an entry
     * and a map per input, then the text, all live until the insert.
     */
    @Test
    void writingTheJsonAllocatesLittleMoreThanTheText() {
        EventLog<?> log = battleLog(50_000);
        log.json(); // warm-up: the first call loads classes
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String json = log.json();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("EVENT_LOG_JSON_ALLOCATED_PER_TEXT_BYTE %.2f%n", (double) allocated / json.length());
        // the buffer and the String's copy: about 2 bytes per byte of text (3 if the buffer had to grow once)
        assertThat(allocated).isLessThan(3L * json.length());
    }

    /**
     * The heap a running match's log holds per input (an arena_battle move): its JSON and a few bytes, 34 here. As
     * objects (an entry, the input and a list slot) it was about 60 in this JVM (45 with compact object headers), and
     * two objects per input for the collector to trace.
     */
    /** An input's JSON is written by a generator the thread keeps: little besides the record's own bytes. */
    @Test
    void loggingAnInputAllocatesLittleMoreThanItsBytes() {
        allocatedPerInput(new ArenaBattle().rules()); // the JIT and the thread's generator
        long perInput = allocatedPerInput(new ArenaBattle().rules());
        System.out.printf("EVENT_LOG_ALLOCATED_PER_INPUT %d%n", perInput);
        // about 270 here (the encoded map, the serializer's per-call state, the bytes kept); a generator and its
        // buffers per input, as writeValueAsBytes makes them, were about 680
        assertThat(perInput).as("bytes allocated per logged input").isLessThan(450);
    }

    private static <I> long allocatedPerInput(GameRules<?, ?, I> rules) {
        EventLog<I> log = new EventLog<>("arena_battle", 3, Map.of(), 20, rules);
        PlayerId a = new PlayerId(UUID.randomUUID());
        log.add(new LogEntry.Joined<>(1, a));
        List<LogEntry<I>> inputs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            inputs.add(new LogEntry.Input<>(2 + i / 4, a, rules.decodeInput(Map.of("type", "move", "dx", i % 5,
                    "dy", -(i % 3)))));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (LogEntry<I> e : inputs) {
            log.add(e);
        }
        long perInput = (threads.getCurrentThreadAllocatedBytes() - before) / inputs.size();
        assertThat(log.size()).isEqualTo(inputs.size() + 1);
        return perInput;
    }

    @Test
    void aLoggedInputIsItsJsonInBytes() {
        int inputs = 400_000;
        long before = usedAfterGc();
        EventLog<?> log = battleLog(inputs);
        long after = usedAfterGc();
        long perInput = (after - before) / inputs;
        assertThat(log.size()).isEqualTo(inputs + 3);
        System.out.printf("EVENT_LOG_BYTES_PER_INPUT %d%n", perInput);
        assertThat(perInput).as("heap bytes per logged input").isLessThanOrEqualTo(45);
    }

    private static EventLog<?> battleLog(int inputs) {
        EventLog<?> log = battleLog(new ArenaBattle().rules(), inputs);
        log.close(inputs / 4 + 2);
        return log;
    }

    private static <I> EventLog<I> battleLog(GameRules<?, ?, I> rules, int inputs) {
        EventLog<I> log = new EventLog<>("arena_battle", 3, Map.of(), 20, rules);
        PlayerId a = new PlayerId(UUID.randomUUID());
        PlayerId b = new PlayerId(UUID.randomUUID());
        log.add(new LogEntry.Joined<>(1, a));
        log.add(new LogEntry.Joined<>(1, b));
        log.add(new LogEntry.Started<>(1));
        Random rnd = new Random(5);
        for (int i = 0; i < inputs; i++) {
            Map<String, Object> move = Map.of("type", "move", "dx", rnd.nextInt(11) - 5, "dy", rnd.nextInt(11) - 5);
            log.add(new LogEntry.Input<>(2 + i / 4, i % 2 == 0 ? a : b, rules.decodeInput(move)));
        }
        return log;
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
