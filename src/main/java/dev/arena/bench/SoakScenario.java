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
 * A long mixed run that looks for leaks rather than limits: N players in rooms, chatting, reconnecting now and
 * then, and relay matches played to a stored result, while the server's resident memory, heap after a full
 * collection, file descriptors and threads are read every {@code --sample-every}; the run fails when any of them
 * rises faster than {@code --max-growth} percent per hour (see {@link SoakRun}).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Long mixed load (rooms, chat, relay matches, reconnects); samples the server's RSS, heap "
                + "after GC, file descriptors and threads every --sample-every and fails on a rising trend.")
final class SoakScenario implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--clients", defaultValue = "1000", description = "players with a socket (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--duration", defaultValue = "1h", converter = DurationConverter.class,
            description = "how long the load runs (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--room-size", defaultValue = "10", description = "players per room (default: ${DEFAULT-VALUE})")
    int roomSize;

    @Option(names = "--chat-every", defaultValue = "30s", converter = DurationConverter.class,
            description = "each player sends one chat line this often (default: ${DEFAULT-VALUE})")
    Duration chatEvery;

    @Option(names = "--reconnect-every", defaultValue = "2m", converter = DurationConverter.class,
            description = "a socket's mean lifetime before its player closes it and reconnects (uniform between "
                    + "half and one and a half times this; default: ${DEFAULT-VALUE})")
    Duration reconnectEvery;

    @Option(names = "--matches-per-min", defaultValue = "30",
            description = "two-player relay matches started per minute, each played to a stored result "
                    + "(default: ${DEFAULT-VALUE}; 0 for none)")
    int matchesPerMinute;

    @Option(names = "--sample-every", defaultValue = "1m", converter = DurationConverter.class,
            description = "how often the server is sampled (default: ${DEFAULT-VALUE})")
    Duration sampleEvery;

    @Option(names = "--settle", defaultValue = "5m", converter = DurationConverter.class,
            description = "samples taken before this (JIT, pools and caches warming up) are shown but not judged "
                    + "(default: ${DEFAULT-VALUE})")
    Duration settle;

    @Option(names = "--max-growth", defaultValue = "10",
            description = "fail when a sampled series rises faster than this, in percent of its mean per hour "
                    + "(least-squares slope over the judged samples; default: ${DEFAULT-VALUE})")
    double maxGrowthPctPerHour;

    @Option(names = "--connect-concurrency", defaultValue = "100",
            description = "connects in flight at once while the players first arrive (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--server-pid",
            description = "the local server process to sample from /proc (RSS, fds, threads) and collect with "
                    + "jcmd before reading its heap; without it only the heap is read, from /metrics")
    Integer serverPid;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        if (clients < 2 || clients > 100_000) {
            problems.add("--clients must be between 2 and 100000");
        }
        if (duration.compareTo(Duration.ofSeconds(10)) < 0 || duration.compareTo(Duration.ofHours(72)) > 0) {
            problems.add("--duration must be between 10s and 72h");
        }
        if (roomSize < 1 || roomSize > 1_000) {
            problems.add("--room-size must be between 1 and 1000");
        }
        if (chatEvery.compareTo(Duration.ofMillis(100)) < 0) {
            problems.add("--chat-every must be at least 100ms (the gateway limits each socket's rate)");
        }
        if (reconnectEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("--reconnect-every must be at least 1s");
        }
        if (matchesPerMinute < 0 || matchesPerMinute > 60_000) {
            problems.add("--matches-per-min must be between 0 and 60000");
        }
        if (sampleEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("--sample-every must be at least 1s");
        }
        if (settle.isNegative() || settle.compareTo(duration) >= 0) {
            problems.add("--settle must be shorter than --duration");
        }
        if (!(maxGrowthPctPerHour > 0)) {
            problems.add("--max-growth must be above 0");
        }
        if (concurrency < 1 || concurrency > 10_000) {
            problems.add("--connect-concurrency must be between 1 and 10000");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);
        return new SoakRun(s, new SoakRun.Plan(clients, duration, roomSize, chatEvery, reconnectEvery,
                matchesPerMinute, sampleEvery, settle, maxGrowthPctPerHour, concurrency, serverPid)).execute();
    }
}
