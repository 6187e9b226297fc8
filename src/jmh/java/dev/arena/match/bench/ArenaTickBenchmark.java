package dev.arena.match.bench;

import dev.arena.common.PlayerId;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.MatchConfig;
import dev.arena.match.MatchId;
import dev.arena.match.MatchListener;
import dev.arena.match.MatchLoop;
import dev.arena.match.MatchSpec;
import dev.arena.match.MatchStatus;
import dev.arena.match.Step;
import dev.arena.match.TickScheduler;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.BattleInput;
import dev.arena.match.games.BattleSettings;
import dev.arena.match.games.BattleState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tick of {@code arena_battle} with 8 fighters, each sending one input per tick (mostly moves; attacks every
 * 5th tick, blocks every 40th, blasts every 100th; many attacks are rejected as out of range or cooling down,
 * as from real clients). Fighters have 10,000 HP on a 600-unit arena so the battle stays in its steady state;
 * the match restarts every {@code restartEvery} ticks (30,000 by default: 25 minutes of play).
 *
 * <ul>
 *   <li>{@code rulesTick}: the pure rules: 8 {@code input} calls and one {@code tick}.</li>
 *   <li>{@code loopTick}: the whole {@link MatchLoop#tick()}: 8 inputs queued in the inbox, drained with the
 *       per-player budget, validated, applied, logged (accepted inputs only: the log grows with them as in a
 *       real match, not with the events), the frame handed
 *       to a listener that drops it.</li>
 * </ul>
 * Run: see docs/BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ArenaTickBenchmark {
    private static final int FIGHTERS = 8;
    private static final int PATTERN = 4096;
    private static final Map<String, Object> SETTINGS = Map.of("arena_size", 600, "hit_points", 10_000,
            "time_limit_seconds", 1800);

    /** Ticks before the match restarts; the loop's event log (actions only) grows until then, as in a real match. */
    @Param("30000")
    public int restartEvery;

    private final GameRules<BattleSettings, BattleState, BattleInput> rules = new ArenaBattle().rules();
    private final List<PlayerId> players = new ArrayList<>();
    private BattleInput[][] inputs;
    private BattleState start;
    private BattleState state;
    private MatchLoop<BattleSettings, BattleState, BattleInput> loop;
    private int n;

    /** The benchmark thread owns the match; no timers (ticks are called directly). */
    private static final TickScheduler OWNER = new TickScheduler() {
        public long nanoTime() {
            return System.nanoTime();
        }

        public void execute(Runnable task) {
            task.run();
        }

        public Cancellable schedule(long delayNanos, Runnable task) {
            return () -> { };
        }

        public boolean inOwner() {
            return true;
        }
    };

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        for (int i = 0; i < FIGHTERS; i++) {
            players.add(new PlayerId(new UUID(42, i)));
        }
        inputs = new BattleInput[PATTERN][FIGHTERS];
        for (int t = 0; t < PATTERN; t++) {
            for (int i = 0; i < FIGHTERS; i++) {
                BattleInput in;
                if (t % 100 == i) {
                    in = new BattleInput.Blast();
                } else if (t % 40 == i) {
                    in = new BattleInput.Block();
                } else if (t % 5 == 0) {
                    in = new BattleInput.Attack(players.get((i + 1 + rnd.nextInt(FIGHTERS - 1)) % FIGHTERS));
                } else {
                    in = new BattleInput.Move(rnd.nextInt(15) - 7, rnd.nextInt(15) - 7);
                }
                inputs[t][i] = in;
            }
        }
        BattleState s = rules.init(7, new ArenaBattle().settings(SETTINGS));
        for (PlayerId p : players) {
            s = rules.join(s, p).state();
        }
        start = rules.start(s, 1).state();
        state = start;
        newLoop();
    }

    private void newLoop() {
        loop = MatchLoop.create(new ArenaBattle(), new MatchSpec(MatchId.random(), 7, SETTINGS,
                MatchConfig.defaults().withInboxCapacity(1024).withEmptyTimeout(Duration.ofHours(1))), OWNER,
                MatchListener.NONE);
        for (PlayerId p : players) {
            loop.join(p);
        }
        loop.tick(); // full: started
        if (loop.status() != MatchStatus.RUNNING) {
            throw new IllegalStateException("the benchmark match did not start");
        }
    }

    @Benchmark
    public BattleState rulesTick() {
        if (state.tick() >= restartEvery) {
            state = start;
        }
        BattleState s = state;
        BattleInput[] row = inputs[(int) (s.tick() % PATTERN)];
        for (int i = 0; i < FIGHTERS; i++) {
            if (rules.input(s, players.get(i), row[i]) instanceof InputResult.Accepted<BattleState> a) {
                s = a.state();
            }
        }
        Step<BattleState> step = rules.tick(s, s.tick() + 1);
        state = step.state();
        return state;
    }

    @Benchmark
    public long loopTick() {
        if (++n >= restartEvery || loop.status() != MatchStatus.RUNNING) {
            n = 0;
            newLoop();
        }
        BattleInput[] row = inputs[n % PATTERN];
        for (int i = 0; i < FIGHTERS; i++) {
            loop.offer(players.get(i), row[i]);
        }
        loop.tick();
        return loop.stats().ticks();
    }
}
