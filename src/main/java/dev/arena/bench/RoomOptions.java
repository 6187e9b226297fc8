package dev.arena.bench;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the scenarios that connect sockets and join rooms. */
final class RoomOptions {
    @Option(names = "--connect-concurrency", defaultValue = "200",
            description = "sockets connecting (and joining) at once (default: ${DEFAULT-VALUE})")
    int connectConcurrency;

    @Option(names = "--drain", defaultValue = "5s", converter = DurationConverter.class,
            description = "after the window, how long to wait for outstanding deliveries (default: ${DEFAULT-VALUE})")
    Duration drain;

    void validate(List<String> errors) {
        if (connectConcurrency < 1 || connectConcurrency > 10_000) {
            errors.add("--connect-concurrency must be between 1 and 10000");
        }
        if (drain.compareTo(Duration.ofMinutes(10)) > 0) {
            errors.add("--drain must be at most 10m");
        }
    }
}
