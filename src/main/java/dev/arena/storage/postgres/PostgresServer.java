package dev.arena.storage.postgres;

import dev.arena.config.ArenaConfig;
import dev.arena.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database is: either an external server named by {@code ARENA_DATABASE_URL}, or a real
 * PostgreSQL started from the embedded binaries with its data kept in {@code ARENA_DATA_DIR/postgres},
 * so the zero-config default speaks the same SQL dialect as production.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final DatabaseUrl url;
    private final EmbeddedPostgres embedded;

    private PostgresServer(DatabaseUrl url, EmbeddedPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    public static PostgresServer start(ArenaConfig config) {
        if (config.database().url().isPresent()) {
            return new PostgresServer(config.database().url().get(), null);
        }
        return startEmbedded(config.database().dataDir().resolve("postgres"));
    }

    /** Starts (or restarts on existing data) an embedded PostgreSQL in {@code dir}. Blocking, seconds. */
    public static PostgresServer startEmbedded(Path dir) {
        try {
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            // zonky turns fsync and synchronous_commit off for test speed; a server keeps players' data,
            // so both go back on.
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", pg.getPort(), dir,
                    (System.nanoTime() - t0) / 1_000_000);
            return new PostgresServer(new DatabaseUrl("127.0.0.1", pg.getPort(), "postgres", "postgres", ""), pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Stops an embedded server cleanly (a fast shutdown with a checkpoint); a no-op for an external one. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
                log.info("embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
