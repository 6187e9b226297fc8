package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.ManualTickScheduler;
import dev.arena.match.MatchConfig;
import dev.arena.match.MatchEnd;
import dev.arena.match.MatchId;
import dev.arena.match.MatchListener;
import dev.arena.match.MatchListeners;
import dev.arena.match.MatchLoop;
import dev.arena.match.MatchMetrics;
import dev.arena.match.MatchSpec;
import dev.arena.match.MatchStatus;
import dev.arena.match.Offer;
import dev.arena.match.TickFrame;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.BattleInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Allocation guard for a match's tick (issue 15, item 3): the bytes the owner allocates per tick of a 4-player
 * {@code arena_battle}, as in {@code arena bench matches} (each player sends a move every 4th tick, 5 a second at
 * 20 Hz), with the node's meters and the frame serialised for the sockets as {@link MatchFeed} does (once per tick,
 * straight to UTF-8) with its input acknowledgement. The rules make new immutable states and the frame's events each tick, so this is a budget, not
 * zero: the guard fails when something per tick grows it by half (a copied list per player, a string per key, a
 * second serialisation).
 */
class MatchTickAllocationTest {
    private static final int PLAYERS = 4;
    private static final int TICKS = 15_000;
    /**
     * Measured 2026-12-06: 4,416 bytes per tick (frames of about 830 bytes); 2026-12-07 with numbered inputs (an
     * acknowledgement in every frame): 4,732, then 4,422 once the per-tick budget refill and the empty-match check
     * stopped walking the seats with a stream. The budget leaves about a quarter on top.
     */
    private static final double MAX_BYTES_PER_TICK = 6_000;

    /** What MatchFeed does with a frame, minus the sockets: serialise it once, keep the bytes. */
    private static final class Encoding implements MatchListener {
        long bytes;

        public void frame(TickFrame f) {
            bytes += Json.encodeToUtf8(ServerMessage.MatchFrame.of(f)).length;
        }

        public void ended(MatchEnd end) { }
    }

    @Test
    void aTickOfAFourPlayerBattleStaysWithinItsAllocationBudget() {
        Encoding feed = new Encoding();
        MatchListener listener = MatchListeners.of(feed, new MatchMetrics(new SimpleMeterRegistry()));
        // the test thread owns the match and calls its ticks directly
        MatchLoop<?, ?, ?> loop = MatchLoop.create(new ArenaBattle(), new MatchSpec(MatchId.random(), 7,
                Map.of("arena_size", 400, "hit_points", 10_000, "time_limit_seconds", 1800),
                MatchConfig.defaults().withEmptyTimeout(Duration.ofHours(1)).withMaxPlayers(PLAYERS)),
                new ManualTickScheduler(), listener);
        List<PlayerId> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            PlayerId p = new PlayerId(new UUID(7, i));
            players.add(p);
            loop.join(p);
        }
        loop.tick();
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        run(loop, players, 0, TICKS); // warm-up: the JIT compiles the tick
        long before = mx.getThreadAllocatedBytes(thread);
        run(loop, players, TICKS, TICKS);
        double perTick = (double) (mx.getThreadAllocatedBytes(thread) - before) / TICKS;
        System.out.printf("match tick: %.0f bytes allocated per tick (%d players, %d ticks, %d frame bytes)%n",
                perTick, PLAYERS, TICKS, feed.bytes);
        assertThat(feed.bytes).as("frames were serialised").isPositive();
        assertThat(perTick).as("bytes per tick").isLessThan(MAX_BYTES_PER_TICK);
    }

    /**
     * Every player moves every 4th tick (a new velocity each time, so each tick has deltas), staggered; each input is
     * numbered, as the bench's are, so every frame carries an acknowledgement.
     */
    private static void run(MatchLoop<?, ?, ?> loop, List<PlayerId> players, int from, int ticks) {
        @SuppressWarnings("unchecked")
        MatchLoop<?, ?, BattleInput> battle = (MatchLoop<?, ?, BattleInput>) loop;
        for (int t = from; t < from + ticks; t++) {
            PlayerId p = players.get(t % PLAYERS);
            int dx = (t / PLAYERS) % 2 == 0 ? 3 : -3;
            int dy = (t / PLAYERS) % 3 - 1;
            if (battle.offer(p, new BattleInput.Move(dx, dy), t) != Offer.QUEUED) { // numbered: acknowledged
                throw new AssertionError("input refused at tick " + t);
            }
            loop.tick();
        }
    }
}
