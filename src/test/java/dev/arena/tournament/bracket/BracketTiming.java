package dev.arena.tournament.bracket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Timing harness, not a test: a 1,024-player single elimination and a 256-player 8-round Swiss with random
 * results (fixed seeds), printing how long each round's pairings take to produce. Each scenario is run once
 * cold, then {@value #WARMUPS} times unmeasured, then {@value #RUNS} measured times; the table shows the cold
 * run and the median and minimum of the measured runs (the machine is shared, so the minimum is the best
 * estimate of the cost itself and the median of what a busy machine gives).
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/classes:target/test-classes dev.arena.tournament.bracket.BracketTiming
 * </pre>
 */
public final class BracketTiming {

    private static final int WARMUPS = 3;
    private static final int RUNS = 5;

    private BracketTiming() {
    }

    /** Per-round figures of one run: what is produced, and its time. */
    private record Sample(List<String> labels, long[] nanos) {
    }

    public static void main(String[] args) {
        System.out.println("java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report("single elimination, 1024 players, best of 1 (time to report the previous round's results and list the new ready pairings)",
                BracketTiming::singleElimination);
        report("Swiss, 256 players, 8 rounds, best of 1 (time of the report that completes the previous round, which pairs this one)",
                BracketTiming::swiss);
    }

    private static void report(String title, Supplier<Sample> scenario) {
        Sample cold = scenario.get();
        for (int i = 0; i < WARMUPS; i++) {
            scenario.get();
        }
        List<Sample> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(scenario.get());
        }
        System.out.printf("%n%s%n", title);
        System.out.printf("  %-40s %10s %10s %10s%n", "round", "cold ms", "median ms", "min ms");
        long[] totals = new long[3];
        for (int r = 0; r < cold.labels().size(); r++) {
            int round = r;
            long[] warm = runs.stream().mapToLong(s -> s.nanos()[round]).sorted().toArray();
            long median = warm[warm.length / 2];
            System.out.printf("  %-40s %10.2f %10.2f %10.2f%n", cold.labels().get(r), cold.nanos()[r] / 1e6,
                    median / 1e6, warm[0] / 1e6);
            totals[0] += cold.nanos()[r];
            totals[1] += median;
            totals[2] += warm[0];
        }
        System.out.printf("  %-40s %10.2f %10.2f %10.2f%n", "total", totals[0] / 1e6, totals[1] / 1e6, totals[2] / 1e6);
    }

    /**
     * In elimination the next round's pairings follow from the results, so a round's time is the time to
     * report all results of the round before (each report re-derives the pairings it feeds) and list the
     * pairings now ready. Round 1 is the start of the bracket.
     */
    private static Sample singleElimination() {
        Random random = new Random(1024);
        List<String> labels = new ArrayList<>();
        long[] nanos = new long[16];
        long t = System.nanoTime();
        Bracket bracket = Brackets.start(new Format.SingleElimination(1, false), Play.seeds(1024));
        List<Pairing> ready = bracket.readyPairings();
        nanos[0] = System.nanoTime() - t;
        labels.add("round 1: " + ready.size() + " pairings (start)");
        while (!ready.isEmpty()) {
            t = System.nanoTime();
            for (Pairing pairing : ready) {
                bracket = bracket.reportResult(pairing.id(), random.nextBoolean() ? Result.series(1, 0) : Result.series(0, 1));
            }
            ready = bracket.readyPairings();
            long elapsed = System.nanoTime() - t;
            if (!ready.isEmpty()) {
                nanos[labels.size()] = elapsed;
                labels.add("round " + (labels.size() + 1) + ": " + ready.size() + " pairings");
            }
        }
        if (!bracket.isComplete()) {
            throw new IllegalStateException("bracket did not complete");
        }
        return new Sample(labels, Arrays.copyOf(nanos, labels.size()));
    }

    private static Sample swiss() {
        Random random = new Random(256);
        Format.Swiss format = new Format.Swiss(8, 1, Points.DEFAULT);
        List<String> labels = new ArrayList<>();
        long[] nanos = new long[format.rounds()];
        long t = System.nanoTime();
        Bracket bracket = Brackets.start(format, Play.seeds(256));
        nanos[0] = System.nanoTime() - t;
        for (int round = 1; round <= format.rounds(); round++) {
            List<Pairing> ready = bracket.readyPairings();
            labels.add("round " + round + ": " + ready.size() + " pairings" + (round == 1 ? " (start)" : ""));
            for (int i = 0; i < ready.size() - 1; i++) {
                bracket = bracket.reportResult(ready.get(i).id(), Play.random(random, format.seriesRules()));
            }
            Result result = Play.random(random, format.seriesRules());
            t = System.nanoTime();
            bracket = bracket.reportResult(ready.getLast().id(), result);
            if (round < format.rounds()) {
                nanos[round] = System.nanoTime() - t;
            }
        }
        if (!bracket.isComplete()) {
            throw new IllegalStateException("Swiss did not complete");
        }
        return new Sample(labels, nanos);
    }
}
