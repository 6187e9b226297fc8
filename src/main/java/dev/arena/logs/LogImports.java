package dev.arena.logs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arena.common.ArenaException;
import dev.arena.config.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side import of files under {@code ARENA_LOG_IMPORT_DIR}, each a durable db-scheduler job
 * ({@code logs.import}, the instance id is the file's idempotency key): a job whose node dies is run again by
 * another node once its heartbeats stop, and it continues from the committed offset, so the file is counted once.
 */
public final class LogImports implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogImports.class);
    static final String TASK = "logs.import";

    private final Path dir;
    private final HikariDataSource dataSource;
    private final Scheduler scheduler;
    private final OneTimeTask<String> task;
    private final Clock clock;

    public LogImports(Path dir, DatabaseUrl url, LogIngest ingest, String node, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user());
        hikari.setPassword(url.password());
        hikari.setPoolName("arena-log-imports");
        hikari.setMaximumPoolSize(3);
        this.dataSource = new HikariDataSource(hikari);
        this.task = Tasks.oneTime(TASK, String.class).execute((instance, ctx) -> {
            Path file = Path.of(instance.getData());
            try {
                IngestOutcome outcome = ingest.ingestBlocking(new IngestRequest(null, instance.getId(), -1, true,
                        false, null, null, "import:" + file), fileSource(file));
                if (!(outcome instanceof IngestOutcome.Completed)) {
                    throw new IllegalStateException("not finished: " + outcome); // db-scheduler retries it
                }
                log.info("log import {}: {}", file, outcome);
            } catch (Exception e) {
                throw new IllegalStateException("import of " + file + " failed: " + e.getMessage(), e);
            }
        });
        this.scheduler = Scheduler.create(dataSource, task).threads(1).pollingInterval(Duration.ofSeconds(1))
                .schedulerName(new SchedulerName.Fixed(node)).shutdownMaxWait(Duration.ofSeconds(5)).build();
        scheduler.start();
    }

    /**
     * Schedules the file's import and returns its idempotency key (the same file, unchanged, gets the same key, so
     * importing it twice is a no-op). Paths are taken relative to the import directory; anything that resolves
     * outside it (.., absolute paths elsewhere, symbolic links out) is refused.
     */
    public String schedule(String path) {
        Path file = inside(path);
        String key;
        try {
            key = "import-" + UUID.nameUUIDFromBytes((file + "|" + Files.size(file) + "|"
                    + Files.getLastModifiedTime(file).toMillis()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ArenaException.Invalid("path", "cannot be read");
        }
        scheduler.schedule(task.instance(key, file.toString()), clock.instant());
        scheduler.triggerCheckForDueExecutions();
        return key;
    }

    Path inside(String path) {
        Path resolved = dir.resolve(path).normalize();
        if (!resolved.startsWith(dir)) {
            throw new ArenaException.Forbidden("the path is outside ARENA_LOG_IMPORT_DIR");
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(dir.toRealPath())) {
                throw new ArenaException.Forbidden("the path is outside ARENA_LOG_IMPORT_DIR");
            }
            if (!Files.isRegularFile(real)) {
                throw new ArenaException.Invalid("path", "is not a file");
            }
            return real;
        } catch (IOException e) {
            throw new ArenaException.Invalid("path", "no such file");
        }
    }

    private static LogIngest.Source fileSource(Path file) {
        boolean gz = file.getFileName().toString().endsWith(".gz");
        return new LogIngest.Source() {
            @Override
            public InputStream open(long offset) throws IOException {
                InputStream in = Files.newInputStream(file);
                if (gz) {
                    in = new GZIPInputStream(in, 1 << 16);
                }
                in.skipNBytes(offset);
                return in;
            }

            @Override
            public void discard() {
                // nothing was opened
            }

            @Override
            public void abort(String why) {
                // the file ends by itself; a stopping node's import is run again elsewhere
            }
        };
    }

    @Override
    public void close() {
        scheduler.stop();
        dataSource.close();
    }
}
