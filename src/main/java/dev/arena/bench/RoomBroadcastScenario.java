package dev.arena.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** N clients in one room; R messages per second in total, from senders spread over the clients. */
@Command(name = "room-broadcast", mixinStandardHelpOptions = true,
        description = "N clients join one room; senders among them send R msgs/s in total; every client "
                + "measures end-to-end latency and counts deliveries (expected N x R per second).")
final class RoomBroadcastScenario implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RunOptions run;
    @Mixin RoomOptions rooms;

    @Option(names = "--clients", defaultValue = "100", description = "clients in the room (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--rate", defaultValue = "10", description = "room.send messages per second in total (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--senders", description = "clients that send, evenly spread (default: one per 5 msgs/s of --rate)")
    Integer senders;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        run.validate(problems);
        rooms.validate(problems);
        if (clients < 1 || clients > 200_000) {
            problems.add("--clients must be between 1 and 200000");
        }
        if (!(rate > 0) || rate > 1_000_000) {
            problems.add("--rate must be above 0 and at most 1000000");
        }
        int k = senders != null ? senders : (int) Math.min(clients, Math.max(1, Math.ceil(rate / 5)));
        if (k < 1 || k > clients) {
            problems.add("--senders must be between 1 and --clients");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);
        return new RoomRun("room-broadcast", s, run, rooms, RoomPlan.broadcast(clients, k, rate)).execute();
    }
}
