package dev.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Drives a {@link TicketPool} through simulated time: players with ratings ~ Normal(1500, 300) arrive as a
 * Poisson process, and {@code process(now)} runs every tick. No sleeping and no wall clock inside the
 * simulation (the wall clock only measures how long {@code process} takes). Fixed seeds: the same run
 * gives the same figures on every machine; only the timings vary.
 *
 * <p>Run: {@code ./mvnw -q test-compile && java -cp target/classes:target/test-classes
 * dev.arena.matchmaking.MatchmakingSimulation} (any JDK 21+). Results: docs/BENCHMARKS.md.
 */
public final class MatchmakingSimulation {
    static final String MODE = QueueConfig.ARENA_BATTLE;
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    /** One simulated run. */
    record Settings(int players, double arrivalsPerSecond, Duration tick, RatingWindow window, long seed) {
        static Settings standard(RatingWindow window) {
            return new Settings(10_000, 200, Duration.ofMillis(250), window, 42);
        }
    }

    /**
     * What the run produced. Waits in milliseconds, gaps in rating points.
     *
     * @param unmatched         players still waiting when nothing more could change (all windows at maximum)
     * @param playablePairsLeft pairs among those that could still have played each other: must be 0
     */
    record Result(Settings settings, int matches, int unmatched, int playablePairsLeft,
                  long waitP50, long waitP95, long waitMax, double gapP50, double gapP95, double gapMax,
                  int peakQueue, Duration simulated, double processMeanMicros, double processMaxMicros) {}

    /** Window settings compared in the trade-off tables: tight and slow, default, faster growth, wide, fixed. */
    static final List<RatingWindow> TRADE_OFFS = List.of(new RatingWindow(25, 2, 200), QueueConfig.DEFAULT_WINDOW,
            new RatingWindow(50, 10, 400), new RatingWindow(100, 20, 600), new RatingWindow(200, 0, 200));

    private MatchmakingSimulation() {}

    static Result run(Settings s) {
        Random rnd = new Random(s.seed());
        Ticket[] arrivals = new Ticket[s.players()];
        double t = 0;
        for (int i = 0; i < s.players(); i++) {
            t += -Math.log(1 - rnd.nextDouble()) / s.arrivalsPerSecond();
            QueuedPlayer m = new QueuedPlayer(new UUID(s.seed(), i), 1500 + 300 * rnd.nextGaussian(), 60);
            arrivals[i] = Ticket.solo(new TicketId(new UUID(~s.seed(), i)), MODE, m, "eu", START.plus(nanos(t)));
        }
        TicketPool pool = new TicketPool(List.of(QueueConfig.oneVsOne(MODE, s.window())));
        // Once the last arrival's window is at its maximum, another pass cannot form anything new.
        Instant settled = arrivals[arrivals.length - 1].createdAt().plus(s.window().timeToMax()).plus(s.tick());
        List<Long> waits = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        int next = 0;
        int peak = 0;
        long processNanos = 0;
        long processMax = 0;
        int passes = 0;
        Instant now = START;
        while (next < arrivals.length || (pool.queueLength(MODE) > 1 && !now.isAfter(settled))) {
            now = now.plus(s.tick());
            while (next < arrivals.length && !arrivals[next].createdAt().isAfter(now)) {
                pool.add(arrivals[next++]);
            }
            peak = Math.max(peak, pool.queueLength(MODE));
            long t0 = System.nanoTime();
            List<MatchProposal> made = pool.process(now);
            long took = System.nanoTime() - t0;
            processNanos += took;
            processMax = Math.max(processMax, took);
            passes++;
            for (MatchProposal p : made) {
                gaps.add(p.ratingSpread());
                p.tickets().forEach(mt -> waits.add(mt.waited().toMillis()));
            }
        }
        long[] w = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Ticket> left = pool.waiting(MODE);
        return new Result(s, g.length, left.size(), playablePairs(left, s.window()),
                MatchmakingStats.percentile(w, 50), MatchmakingStats.percentile(w, 95), w.length == 0 ? 0 : w[w.length - 1],
                MatchmakingStats.percentile(g, 50), MatchmakingStats.percentile(g, 95), g.length == 0 ? 0 : g[g.length - 1],
                peak, Duration.between(START, now), processNanos / 1e3 / passes, processMax / 1e3);
    }

    private static int playablePairs(List<Ticket> left, RatingWindow window) {
        int pairs = 0;
        for (int i = 0; i < left.size(); i++) {
            for (int j = i + 1; j < left.size(); j++) {
                if (Math.abs(left.get(i).rating() - left.get(j).rating()) <= window.max()) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    private static Duration nanos(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /**
     * One {@code process} call over {@code n} tickets that all arrived {@code waited} ago. Two unmeasured
     * rounds let the JIT compile the step; then the best of seven, because the machine is shared.
     */
    static String burst(String label, int n, Duration waited, java.util.function.IntFunction<Ticket> make) {
        long best = Long.MAX_VALUE;
        int matched = 0;
        for (int round = -2; round < 7; round++) {
            TicketPool pool = new TicketPool(List.of(QueueConfig.arenaBattle()));
            for (int i = 0; i < n; i++) {
                pool.add(make.apply(i));
            }
            long t0 = System.nanoTime();
            List<MatchProposal> made = pool.process(START.plus(waited));
            if (round >= 0) {
                best = Math.min(best, System.nanoTime() - t0);
            }
            matched = made.size() * 2;
        }
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f |", label, n, matched, best / 1e6);
    }

    private static Ticket normalTicket(Random rnd, int i, String region) {
        QueuedPlayer m = new QueuedPlayer(new UUID(7, i), 1500 + 300 * rnd.nextGaussian(), 60);
        return Ticket.solo(new TicketId(new UUID(8, i)), MODE, m, region, START);
    }

    public static void main(String[] args) {
        RatingWindow chosen = QueueConfig.DEFAULT_WINDOW;
        Result r = run(Settings.standard(chosen));
        System.out.printf(Locale.ROOT, "Default window %s, %,d players at %.0f/s, tick %d ms, seed %d%n",
                format(chosen), r.settings().players(), r.settings().arrivalsPerSecond(),
                r.settings().tick().toMillis(), r.settings().seed());
        System.out.printf(Locale.ROOT, "  wait      p50 %.2f s   p95 %.2f s   max %.2f s%n",
                r.waitP50() / 1e3, r.waitP95() / 1e3, r.waitMax() / 1e3);
        System.out.printf(Locale.ROOT, "  gap       p50 %.1f      p95 %.1f      max %.1f%n", r.gapP50(), r.gapP95(), r.gapMax());
        System.out.printf(Locale.ROOT, "  matches %,d, unmatched %d (playable pairs among them: %d), peak queue %d, simulated %s%n",
                r.matches(), r.unmatched(), r.playablePairsLeft(), r.peakQueue(), r.simulated());
        System.out.printf(Locale.ROOT, "  process(): mean %.0f us, max %.0f us per call%n%n", r.processMeanMicros(), r.processMaxMicros());

        for (double rate : new double[] {200, 20, 2}) {
            System.out.printf(Locale.ROOT, "%,d players arriving at %.0f/s:%n%n", r.settings().players(), rate);
            System.out.println("| window (start, growth/s, max) | wait p50 | wait p95 | wait max | gap p50 | gap p95 | gap max | unmatched | playable pairs left |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (RatingWindow w : TRADE_OFFS) {
                Settings st = Settings.standard(w);
                Result x = run(new Settings(st.players(), rate, st.tick(), w, st.seed()));
                System.out.printf(Locale.ROOT, "| %s%s | %.2f s | %.2f s | %.1f s | %.0f | %.0f | %.0f | %d | %d |%n",
                        format(w), w.equals(chosen) ? " (default)" : "", x.waitP50() / 1e3, x.waitP95() / 1e3,
                        x.waitMax() / 1e3, x.gapP50(), x.gapP95(), x.gapMax(), x.unmatched(), x.playablePairsLeft());
            }
            System.out.println();
        }

        System.out.println();
        System.out.println("| one process() call | tickets | matched players | ms (best of 7) |");
        System.out.println("|---|---|---|---|");
        for (int n : new int[] {10_000, 20_000, 40_000, 80_000}) {
            Random rnd = new Random(n);
            Ticket[] fresh = new Ticket[n];
            Arrays.setAll(fresh, i -> normalTicket(rnd, i, "eu"));
            System.out.println(burst("fresh, Normal(1500, 300), one region", n, Duration.ZERO, i -> fresh[i]));
        }
        Random rnd = new Random(1);
        Ticket[] old = new Ticket[10_000];
        Arrays.setAll(old, i -> normalTicket(rnd, i, "eu"));
        System.out.println(burst("waited 10 min (windows at max)", 10_000, Duration.ofMinutes(10), i -> old[i]));
        System.out.println(burst("nothing matchable: ratings 101 apart", 10_000, Duration.ZERO,
                i -> Ticket.solo(new TicketId(new UUID(9, i)), MODE, new QueuedPlayer(new UUID(10, i), i * 101.0, 60), "eu", START)));
        System.out.println(burst("nothing matchable: 10,000 regions", 10_000, Duration.ofMinutes(10),
                i -> normalTicket(rnd, i, "r" + i)));
    }

    private static String format(RatingWindow w) {
        return String.format(Locale.ROOT, "%.0f, %.0f, %.0f", w.start(), w.growthPerSecond(), w.max());
    }
}
