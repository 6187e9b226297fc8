package dev.arena.bench;

import picocli.CommandLine.Command;

/** {@code arena bench}: the load tool. Each scenario is a subcommand; see docs/BENCH.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load-test an Arena server (HTTP and WebSocket gateway). See docs/BENCH.md.",
        subcommands = {HttpScenario.class, RoomBroadcastScenario.class, ManyRoomsScenario.class,
                ConnectStormScenario.class, MatchesScenario.class, SoakScenario.class, DashboardScenario.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
