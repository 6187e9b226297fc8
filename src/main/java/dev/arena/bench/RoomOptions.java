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

    @Option(names = "--server-pid", description = "the local server process: its CPU (with its descendants and its "
            + "embedded PostgreSQL) per delivered message and its resident memory are read from /proc")
    Integer serverPid;

    @Option(names = "--db-pid", description = "another process to count as the server (an external PostgreSQL's "
            + "postmaster); repeatable")
    List<Integer> dbPids = new java.util.ArrayList<>();

    @Option(names = "--pin", description = "pin with taskset: the server (and --db-pid) to the first of the cores, "
            + "the bench to the others, e.g. --pin 0:1 (server on 0, bench on 1); needs --server-pid")
    String pin;

    void validate(List<String> errors) {
        if (pin != null && !pin.matches("[0-9,-]+:[0-9,-]+")) {
            errors.add("--pin must be SERVER_CPUS:BENCH_CPUS in taskset's list form, e.g. 0:1");
        }
        if (pin != null && serverPid == null) {
            errors.add("--pin needs --server-pid");
        }
        if (connectConcurrency < 1 || connectConcurrency > 10_000) {
            errors.add("--connect-concurrency must be between 1 and 10000");
        }
        if (drain.compareTo(Duration.ofMinutes(10)) > 0) {
            errors.add("--drain must be at most 10m");
        }
    }
}
