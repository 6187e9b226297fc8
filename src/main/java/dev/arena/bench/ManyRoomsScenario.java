package dev.arena.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** N clients in rooms of {@code --room-size}; every client sends {@code --rate-per-client} messages per second. */
@Command(name = "many-rooms", mixinStandardHelpOptions = true,
        description = "N clients in rooms of S, each sending M msgs/s to its room "
                + "(expected deliveries N x M x S per second).")
final class ManyRoomsScenario implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RunOptions run;
    @Mixin RoomOptions rooms;

    @Option(names = "--clients", defaultValue = "100", description = "clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--room-size", defaultValue = "4", description = "clients per room (default: ${DEFAULT-VALUE})")
    int roomSize;

    @Option(names = "--rate-per-client", defaultValue = "10",
            description = "room.send messages per second of each client (default: ${DEFAULT-VALUE})")
    double ratePerClient;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        CommonOptions.Settings s = common.settings(spec.commandLine(), problems);
        run.validate(problems);
        rooms.validate(problems);
        if (clients < 1 || clients > 200_000) {
            problems.add("--clients must be between 1 and 200000");
        }
        if (roomSize < 1 || roomSize > clients) {
            problems.add("--room-size must be between 1 and --clients");
        }
        if (!(ratePerClient > 0) || ratePerClient > 10_000) {
            problems.add("--rate-per-client must be above 0 and at most 10000");
        }
        CommonOptions.failIfAny(spec.commandLine(), problems);
        return new RoomRun("many-rooms", s, run, rooms, RoomPlan.rooms(clients, roomSize, ratePerClient)).execute();
    }
}
