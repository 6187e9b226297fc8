package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.BattleState;
import dev.arena.match.games.ConnectFour;
import dev.arena.match.games.FourState;
import dev.arena.match.games.FourView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Determinism: random matches (random bots, invalid and malformed input included, disconnects, reconnects and
 * forfeits) are replayed from their logs, also after a JSON round trip, and must reach the exact final state
 * and emit the exact same game events.
 */
class ReplayTest {
    private final ManualTickScheduler clock = new ManualTickScheduler();

    /** Everything a finished random match left behind, with the frames it sent live. */
    private record Played<S>(MatchLoop<?, S, ?> loop, MatchEnd end, List<TickFrame> frames) {}

    @Test
    void randomArenaBattlesReplayToTheExactFinalState() throws Exception {
        for (long seed = 1; seed <= 12; seed++) {
            int players = 2 + (int) (seed % 7);
            Played<BattleState> p = playArena(seed, players, 30, 100, 2_000, true);
            assertReplays(new ArenaBattle(), p);
        }
    }

    @Test
    void aLongArenaBattleReplaysToTheExactFinalState() throws Exception {
        // 8 fighters with a lot of HP for the whole 10-minute limit: 12,000 ticks
        Played<BattleState> p = playArena(99, 8, 600, 10_000, 20_000, false);
        assertThat(p.end().result().reason()).isEqualTo("time_limit");
        assertThat(p.end().finalTick()).isGreaterThanOrEqualTo(12_000);
        assertReplays(new ArenaBattle(), p);
    }

    @Test
    void randomConnectFourGamesReplayToTheExactFinalState() throws Exception {
        for (long seed = 1; seed <= 40; seed++) {
            Played<FourState> p = playFour(seed);
            assertReplays(new ConnectFour(), p);
        }
    }

    @Test
    void theSameSeedAndInputsGiveTheSameMatchAndAnotherSeedAnotherOne() {
        Played<BattleState> a = playArena(5, 4, 30, 100, 2_000, true);
        Played<BattleState> b = playArena(5, 4, 30, 100, 2_000, true);
        assertThat(b.loop().state()).isEqualTo(a.loop().state());
        assertThat(b.end().log().store()).isEqualTo(a.end().log().store());
        Played<BattleState> c = playArena(6, 4, 30, 100, 2_000, true);
        assertThat(c.loop().state()).isNotEqualTo(a.loop().state());
    }

    @Test
    void aTamperedLogIsDetected() {
        Played<BattleState> p = playArena(3, 3, 30, 100, 2_000, true);
        StoredLog stored = p.end().log().store();
        List<StoredLog.Entry> entries = new ArrayList<>(stored.entries());
        int i = 0;
        while (!(entries.get(i).kind().equals("input") && "move".equals(entries.get(i).data().get("type")))) {
            i++;
        }
        StoredLog.Entry e = entries.get(i);
        entries.set(i, new StoredLog.Entry(e.tick(), "input", e.player(), Map.of("type", "move", "dx", 90, "dy", 0)));
        StoredLog forged = new StoredLog(stored.mode(), stored.seed(), stored.settings(), stored.tickRate(),
                stored.finalTick(), entries);
        assertThatThrownBy(() -> Replay.run(new ArenaBattle(), forged)).isInstanceOf(Replay.Mismatch.class)
                .hasMessageContaining("too_fast");
        assertThatThrownBy(() -> Replay.run(new ConnectFour(), stored)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static <C, S, I> void assertReplays(GameFactory<C, S, I> game, Played<S> p) throws JsonProcessingException {
        EventLog<I> log = (EventLog<I>) p.end().log();
        S live = p.loop().state();

        Replay.Outcome<S> replayed = Replay.run(game, log);
        assertThat(replayed.state()).isEqualTo(live);
        assertThat(replayed.finalTick()).isEqualTo(p.end().finalTick());
        assertThat(log.entries()).noneMatch(e -> e instanceof LogEntry.Emitted<?>); // actions only, in memory
        // the game's events as the players received them, tick by tick
        List<LogEntry.Emitted<?>> logged = new ArrayList<>();
        for (TickFrame f : p.frames()) {
            f.events().stream().filter(e -> !(e instanceof MatchEvent))
                    .forEach(e -> logged.add(new LogEntry.Emitted<>(f.tick(), e)));
        }
        assertThat(replayed.events()).isEqualTo(logged);
        if (!(p.end().result().outcome() instanceof MatchResult.Abandoned)) {
            assertThat(replayed.result()).contains(p.end().result());
        }

        // what a database column or GET /games/{id}/replay would hold
        String json = Json.MAPPER.writeValueAsString(log.store());
        StoredLog back = Json.MAPPER.readValue(json, StoredLog.class);
        Replay.Outcome<S> fromJson = Replay.run(game, back);
        assertThat(fromJson.state()).isEqualTo(live);
        assertThat(Json.MAPPER.writeValueAsString(fromJson.events().stream().map(LogEntry.Emitted::event).toList()))
                .isEqualTo(Json.MAPPER.writeValueAsString(logged.stream().map(LogEntry.Emitted::event).toList()));

        assertThat(back).isEqualTo(log.store());
        assertThat(back.entries()).noneMatch(e -> e.kind().equals("event"));

        // the form with events put back: the live events in order, and it still replays to the same state
        StoredLog full = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(Replay.withEvents(game, back)),
                StoredLog.class);
        assertThat(Json.MAPPER.writeValueAsString(full.entries().stream().filter(e -> e.kind().equals("event"))
                .map(StoredLog.Entry::data).toList()))
                .isEqualTo(Json.MAPPER.writeValueAsString(logged.stream().map(LogEntry.Emitted::event).toList()));
        assertThat(full.entries().stream().filter(e -> e.kind().equals("event")).map(StoredLog.Entry::tick).toList())
                .isEqualTo(logged.stream().map(LogEntry.Emitted::tick).toList());
        assertThat(full.entries().stream().filter(e -> !e.kind().equals("event")).toList()).isEqualTo(back.entries());
        Replay.Outcome<S> fromFull = Replay.run(game, full);
        assertThat(fromFull.state()).isEqualTo(live);
        assertThat(fromFull.events()).hasSameSizeAs(logged);
        assertThat(full.entries()).hasSizeGreaterThan(back.entries().size());
    }

    /** {@code churn}: players now and then disconnect (and mostly reconnect within the grace) or leave. */
    private Played<BattleState> playArena(long seed, int players, int timeLimitSeconds, int hp, int maxTicks,
                                          boolean churn) {
        Random rnd = new Random(seed);
        RecordingListener out = new RecordingListener();
        MatchLoop<?, BattleState, ?> loop = MatchLoop.create(new ArenaBattle(),
                new MatchSpec(MatchId.random(), seed * 7919, Map.of("time_limit_seconds", timeLimitSeconds,
                        "hit_points", hp, "arena_size", churn ? 400 : 600),
                        MatchConfig.defaults().withMaxPlayers(players).withReconnectGrace(Duration.ofSeconds(2))
                                .withLobbyTimeout(Duration.ofMillis(500)).withInputsPerTick(3)),
                clock, out);
        List<PlayerId> ids = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            ids.add(new PlayerId(new UUID(seed, i)));
        }
        PlayerId stranger = new PlayerId(new UUID(-1, -1));
        for (PlayerId id : ids) {
            loop.join(id);
        }
        while (loop.status() != MatchStatus.FINISHED && loop.stats().ticks() < maxTicks) {
            for (PlayerId id : ids) {
                int r = rnd.nextInt(100_000);
                if (churn && r < 100) {
                    loop.disconnected(id);
                } else if (churn && r < 4_000) {
                    loop.join(id); // reconnect (or a no-op)
                } else if (churn && r < 4_020) {
                    loop.leave(id);
                }
                for (int k = rnd.nextInt(5); k > 0; k--) {
                    loop.offerInput(id, arenaInput(rnd, ids, stranger));
                }
            }
            if (rnd.nextInt(50) == 0) {
                loop.offerInput(stranger, Map.of("type", "block"));
            }
            loop.tick();
        }
        if (loop.status() != MatchStatus.FINISHED) {
            loop.stop("test_limit");
            loop.tick();
        }
        assertThat(out.ends).hasSize(1);
        return new Played<>(loop, out.ends.getFirst(), out.frames);
    }

    private static Map<String, Object> arenaInput(Random rnd, List<PlayerId> ids, PlayerId stranger) {
        return switch (rnd.nextInt(12)) {
            case 0, 1, 2, 3 -> Map.of("type", "move", "dx", rnd.nextInt(25) - 12, "dy", rnd.nextInt(25) - 12);
            case 4, 5, 6 -> Map.of("type", "attack", "target",
                    (rnd.nextInt(10) == 0 ? stranger : ids.get(rnd.nextInt(ids.size()))).toString());
            case 7, 8 -> Map.of("type", "block");
            case 9 -> Map.of("type", "blast");
            case 10 -> Map.of("type", "move", "dx", 1.5, "dy", 0); // malformed: refused before the match
            default -> {
                Map<String, Object> m = new HashMap<>();
                m.put("type", rnd.nextBoolean() ? "teleport" : "attack");
                yield m;
            }
        };
    }

    private Played<FourState> playFour(long seed) {
        Random rnd = new Random(seed);
        RecordingListener out = new RecordingListener();
        MatchLoop<?, FourState, ?> loop = MatchLoop.create(new ConnectFour(),
                new MatchSpec(MatchId.random(), seed, Map.of("turn_seconds", 5), MatchConfig.defaults()), clock, out);
        PlayerId a = new PlayerId(new UUID(seed, 1));
        PlayerId b = new PlayerId(new UUID(seed, 2));
        loop.join(a);
        loop.join(b);
        loop.tick();
        while (loop.status() != MatchStatus.FINISHED) {
            PlayerId toMove = ((FourView) loop.view().state()).toMove();
            int r = rnd.nextInt(100);
            if (r < 70) {
                loop.offerInput(toMove, Map.of("type", "drop", "column", rnd.nextInt(9) - 1));
            } else if (r < 90) {
                loop.offerInput(rnd.nextBoolean() ? a : b, Map.of("type", "drop", "column", rnd.nextInt(7)));
            } else if (r == 90 && rnd.nextInt(4) == 0) {
                loop.disconnected(toMove);
            } else if (r == 91) {
                loop.join(a);
                loop.join(b);
            }
            loop.tick();
        }
        return new Played<>(loop, out.ends.getFirst(), out.frames);
    }
}
