package dev.arena.bench;

import dev.arena.common.NetTransport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every scenario takes; {@link #settings(CommandLine)} validates them into {@link Settings}. */
final class CommonOptions {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
            description = "server base URL (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--source-addresses", split = ",", paramLabel = "ADDR",
            description = "local addresses to bind client sockets to, round-robin (e.g. 127.0.0.1,127.0.0.2): "
                    + "each gives another ~28k ephemeral ports towards one server port")
    List<String> sourceAddresses = new ArrayList<>();

    @Option(names = "--json", description = "also print the final report as one line of JSON")
    boolean json;

    @Option(names = "--auth-concurrency", defaultValue = "32",
            description = "guest accounts created in parallel (default: ${DEFAULT-VALUE})")
    int authConcurrency;

    @Option(names = "--max-error-pct", defaultValue = "1.0",
            description = "exit with 1 when errors (failed connects, lost deliveries, non-2xx, ...) exceed this "
                    + "percentage of their total (default: ${DEFAULT-VALUE})")
    double maxErrorPct;

    @Option(names = "--run-id", description = "tag for this run's device ids bench-<run>-<n> (default: random)")
    String runId;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    @Option(names = "--transport", defaultValue = "auto",
            description = "the bench's own network transport: " + NetTransport.NAMES + " (default: ${DEFAULT-VALUE}: "
                    + "epoll, else io_uring, else nio)")
    String transport;

    /** Immutable, validated form of the options. */
    record Settings(Target target, List<String> sourceAddresses, boolean json, int authConcurrency,
                    double maxErrorPct, String runId, boolean quiet, NetTransport transport) {}

    Settings settings(CommandLine cmd, List<String> errors) {
        Target target = Target.parse(url, errors);
        for (String a : sourceAddresses) {
            try {
                InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                errors.add("--source-addresses: '" + a + "' is not an address");
            }
        }
        if (authConcurrency < 1 || authConcurrency > 1024) {
            errors.add("--auth-concurrency must be between 1 and 1024");
        }
        if (!(maxErrorPct >= 0 && maxErrorPct <= 100)) {
            errors.add("--max-error-pct must be between 0 and 100");
        }
        String run = runId != null ? runId
                : Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        if (!run.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.add("--run-id may hold 1-32 letters, digits, '_' and '-'");
        }
        NetTransport net = null;
        try {
            net = NetTransport.parse(transport);
        } catch (IllegalArgumentException e) {
            errors.add("--transport " + e.getMessage());
        }
        return new Settings(target, List.copyOf(sourceAddresses), json, authConcurrency, maxErrorPct,
                run.toLowerCase(Locale.ROOT), quiet, net);
    }

    /** Throws one parameter error listing every problem, or returns quietly. */
    static void failIfAny(CommandLine cmd, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, String.join(System.lineSeparator(), errors));
        }
    }
}
