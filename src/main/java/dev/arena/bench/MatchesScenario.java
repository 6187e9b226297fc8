package dev.arena.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * M concurrent {@code arena_battle} matches of P simulated players each: one player creates a private game over
 * HTTP, the others join it with its code, everyone attaches over {@code /ws} and plays (see {@link BattleBot}).
 * Reports the server's tick duration, the input-to-state latency the players see, CPU, and errors.
 */
@Command(name = "matches", mixinStandardHelpOptions = true,
        description = "M concurrent arena_battle matches of P simulated players sending inputs at R per second "
                + "each; reports tick duration (from the server's /metrics), input-to-state latency and CPU.")
final class MatchesScenario implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RunOptions run;

    @Option(names = "--matches", defaultValue = "10", description = "concurrent matches (default: ${DEFAULT-VALUE})")
    int matches;

    @Option(names = "--players", defaultValue = "4", description = "players per match, 2-8 (default: ${DEFAULT-VALUE})")
    int players;

    @Option(names = "--input-rate", defaultValue = "5",
            description = "inputs per second each player tries to send (default: ${DEFAULT-VALUE}; the gateway "
                    + "allows 20 messages/s per connection)")
    double inputRate;

    @Option(names = "--arena-size", defaultValue = "400",
            description = "the arena_size setting of every match (default: ${DEFAULT-VALUE})")
    int arenaSize;

    @Option(names = "--setup-concurrency", defaultValue = "50",
            description = "matches being created, joined and attached at once (default: ${DEFAULT-VALUE})")
    int setupConcurrency;

    @Option(names = "--drain", defaultValue = "2s", converter = DurationConverter.class,
            description = "after the window, how long to wait for the acknowledgements of the last inputs "
                    + "(default: ${DEFAULT-VALUE})")
    Duration drain;

    @Option(names = "--server-pid",
            description = "a local server process: its CPU is read from /proc/<pid>/stat (else from /metrics)")
    Integer serverPid;

    @Option(names = "--max-tick-p99", defaultValue = "5ms", converter = DurationConverter.class,
            description = "fail when the server's tick p99 is above this (default: ${DEFAULT-VALUE}); "
                    + "--max-p99 (default 60ms here) bounds the input-to-state p99")
    Duration maxTickP99;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        run.validate(problems);
        if (matches < 1 || matches > 20_000) {
            problems.add("--matches must be between 1 and 20000");
        }
        if (players < 2 || players > 8) {
            problems.add("--players must be between 2 and 8 (arena_battle's limits)");
        }
        if (!(inputRate > 0) || inputRate > 1_000) {
            problems.add("--input-rate must be above 0 and at most 1000");
        }
        if (arenaSize < 200 || arenaSize > 10_000) {
            problems.add("--arena-size must be between 200 and 10000 (arena_battle's limits)");
        }
        if (setupConcurrency < 1 || setupConcurrency > 10_000) {
            problems.add("--setup-concurrency must be between 1 and 10000");
        }
        if (drain.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add("--drain must be at most 1m");
        }
        if (maxTickP99.isZero() || maxTickP99.isNegative()) {
            problems.add("--max-tick-p99 must be above 0");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);
        Duration maxInputP99 = run.maxP99 != null ? run.maxP99 : Duration.ofMillis(60);
        return new MatchRun(s, run, new MatchRun.Plan(matches, players, inputRate, arenaSize, setupConcurrency,
                drain, serverPid, maxTickP99, maxInputP99)).execute();
    }
}
