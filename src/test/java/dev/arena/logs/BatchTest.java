package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fold into a batch's rollups against a plain one (a map per rollup, one lookup per rollup and event). */
class BatchTest {
    /** What the store reads of a row: the sums, and first/last where the rollup keeps them. */
    private record Sums(long events, double value, Instant first, Instant last) {
        static Sums of(Batch.Sum s, boolean times) {
            return new Sums(s.events, s.value, times ? s.first : null, times ? s.last : null);
        }
    }

    private static final class Reference {
        final Map<Batch.PlayerType, Sums> playerTypes = new HashMap<>();
        final Map<Batch.PlayerHour, Sums> playerHours = new HashMap<>();
        final Map<Batch.PlayerDay, Sums> playerDays = new HashMap<>();
        final Map<Batch.ModeHour, Sums> modeHours = new HashMap<>();
        final Map<Batch.GamePlayer, Sums> gamePlayers = new HashMap<>();
        final Map<String, Sums> games = new HashMap<>();
        final Map<String, String> gameModes = new HashMap<>();

        void add(LogEvent e) {
            long s = e.ts().getEpochSecond();
            long hour = s - Math.floorMod(s, 3600);
            long day = s - Math.floorMod(s, 86_400);
            add(playerTypes, new Batch.PlayerType(e.playerId(), e.type()), e, true);
            add(playerHours, new Batch.PlayerHour(e.playerId(), e.type(), hour), e, false);
            add(playerDays, new Batch.PlayerDay(e.playerId(), e.type(), day), e, false);
            add(modeHours, new Batch.ModeHour(e.mode(), hour, e.type()), e, false);
            add(gamePlayers, new Batch.GamePlayer(e.gameId(), e.playerId()), e, false);
            add(games, e.gameId(), e, true);
            gameModes.putIfAbsent(e.gameId(), e.mode());
        }

        private static <K> void add(Map<K, Sums> map, K key, LogEvent e, boolean times) {
            Sums o = map.get(key);
            Instant first = !times ? null : o == null || e.ts().isBefore(o.first()) ? e.ts() : o.first();
            Instant last = !times ? null : o == null || e.ts().isAfter(o.last()) ? e.ts() : o.last();
            map.put(key, new Sums((o == null ? 0 : o.events()) + 1, (o == null ? 0 : o.value()) + e.value(), first, last));
        }
    }

    private static <K, V> Map<K, Sums> sums(Map<K, V> map, Function<V, Batch.Sum> sum, boolean times) {
        Map<K, Sums> out = new HashMap<>();
        map.forEach((k, v) -> assertThat(out.put(k, Sums.of(sum.apply(v), times))).as("one row per key").isNull());
        return out;
    }

    private static List<LogEvent> events(byte[] file) throws Exception {
        List<LogEvent> events = new ArrayList<>();
        NdjsonReader.readAll(new ByteArrayInputStream(file), (n, end, e, bad) -> {
            if (e != null) {
                events.add(e);
            }
        });
        return events;
    }

    /** Roster 8 (games in turn, as real logs) and 0 (every event any game and player: as many rows as events). */
    @ParameterizedTest
    @ValueSource(ints = {8, 0})
    void foldsAsOneMapPerRollupWould(int roster) throws Exception {
        assertFoldsAsReference(roster, 1);
    }

    /** A commit group: three batches, each folded on its own, absorbed into the first, are one batch of them all. */
    @ParameterizedTest
    @ValueSource(ints = {8, 0})
    void aGroupOfAbsorbedBatchesFoldsAsOneBatchWould(int roster) throws Exception {
        assertFoldsAsReference(roster, 3);
    }

    private static void assertFoldsAsReference(int roster, int parts) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        LogGenerator.write(new LogGenerator.Spec(30_000, 300, 400, 5, 0, roster), out);
        List<LogEvent> events = events(out.toByteArray());
        Batch batch = new Batch(null, 0, 0);
        Batch part = batch;
        Reference ref = new Reference();
        long line = 0;
        for (LogEvent e : events) {
            if (line > 0 && line % (30_000 / parts) == 0) {
                part = new Batch(null, line * 100, line);
            }
            part.event(++line, e);
            part.lineDone(line, line * 100);
            if (part != batch && line % (30_000 / parts) == 0) {
                batch.absorb(part);
            }
            ref.add(e);
        }
        assertThat(batch.eventCount()).isEqualTo(30_000);
        assertThat(batch.lines()).isEqualTo(30_000);
        assertThat(batch.endLine()).isEqualTo(30_000);
        assertThat(batch.endOffset()).isEqualTo(3_000_000);
        assertThat(sums(batch.playerTypes(), s -> s, true)).isEqualTo(ref.playerTypes);
        assertThat(sums(batch.playerHours(), s -> s, false)).isEqualTo(ref.playerHours);
        assertThat(sums(batch.playerDays(), s -> s, false)).isEqualTo(ref.playerDays);
        assertThat(sums(batch.modeHours(), s -> s, false)).isEqualTo(ref.modeHours);
        assertThat(sums(batch.gamePlayers(), s -> s, false)).isEqualTo(ref.gamePlayers);
        assertThat(sums(batch.games(), g -> g.sum, true)).isEqualTo(ref.games);
        batch.games().forEach((game, g) -> assertThat(g.mode).isEqualTo(ref.gameModes.get(game)));
        ref.playerHours.forEach((k, v) -> assertThat(Sums.of(batch.playerHours().get(k), false)).isEqualTo(v));
        assertThat(batch.playerTypes().get(new Batch.PlayerType("nobody", "kill"))).isNull();
    }

    /** Equal ids that are different String instances (an id evicted from the parser's cache) are one row. */
    @Test
    void equalIdsOfDifferentInstancesAreOneRow() {
        Instant t = Instant.parse("2026-12-06T05:10:00Z");
        Batch batch = new Batch(null, 0, 0);
        batch.event(1, new LogEvent(t, new String("g-1"), "m", new String("p-1"), new String("kill"), 2, null));
        batch.event(2, new LogEvent(t.plusSeconds(60), new String("g-1"), "m2", new String("p-1"), "kill", 3, null));
        batch.event(3, new LogEvent(t.minusSeconds(4000), "g-1", "m", "p-1", "kill", 1, null)); // the hour before
        assertThat(batch.playerTypes()).hasSize(1);
        Batch.Sum pt = batch.playerTypes().get(new Batch.PlayerType("p-1", "kill"));
        assertThat(pt.events).isEqualTo(3);
        assertThat(pt.value).isEqualTo(6);
        assertThat(pt.first).isEqualTo(t.minusSeconds(4000));
        assertThat(pt.last).isEqualTo(t.plusSeconds(60));
        assertThat(batch.playerHours()).hasSize(2);
        assertThat(batch.gamePlayers()).hasSize(1);
        assertThat(batch.games()).hasSize(1);
        assertThat(batch.games().get("g-1").mode).as("the mode the game was first seen with").isEqualTo("m");
        assertThat(batch.modeHours()).hasSize(3);
    }
}
