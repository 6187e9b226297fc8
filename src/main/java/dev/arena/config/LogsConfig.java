package dev.arena.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Game-log streaming (docs/LOGS.md).
 *
 * @param retention   raw events older than this are dropped, a day's partition at a time (rollups are kept)
 * @param importDir   where {@code POST /logs/import} may read files from; empty = server-side import is off
 * @param badShare    a job fails when more than this share of its lines is bad
 * @param batchEvents lines per batch (one COPY; batches are committed in groups)
 * @param maxJobs     ingests one node runs at once; more are refused with 503
 * @param commitInterval the longest an ingest keeps a commit group (batches merged and checkpointed together) open
 */
public record LogsConfig(Duration retention, Optional<Path> importDir, double badShare, int batchEvents,
                         int maxJobs, Duration commitInterval, int nice) {

    public static LogsConfig defaults() {
        return new LogsConfig(Duration.ofDays(30), Optional.empty(), 0.01, 50_000, 2, Duration.ofSeconds(1), 10);
    }

    static double share(String s) {
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("must be between 0 and 1");
        }
        return d;
    }

    static Path directory(String s) {
        Path p = Path.of(s).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(p)) {
            throw new IllegalArgumentException("is not a directory");
        }
        return p;
    }
}
