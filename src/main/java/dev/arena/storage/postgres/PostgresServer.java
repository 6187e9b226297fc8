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

    /** How long a fast shutdown may take (a checkpoint under load) before it becomes an immediate one. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final DatabaseUrl url;
    private final EmbeddedPostgres embedded;
    private final Path dir;
    private final DataDirLock lock;
    private final ProcessHandle postmaster;
    /** Held for as long as the server runs: its stdin closing (this JVM gone, or this object collected) stops it. */
    private final Process watchdog;

    private PostgresServer(DatabaseUrl url) {
        this(url, null, null, null, null, null);
    }

    private PostgresServer(DatabaseUrl url, EmbeddedPostgres embedded, Path dir, DataDirLock lock,
                           ProcessHandle postmaster, Process watchdog) {
        this.url = url;
        this.embedded = embedded;
        this.dir = dir;
        this.lock = lock;
        this.postmaster = postmaster;
        this.watchdog = watchdog;
    }

    public static PostgresServer start(ArenaConfig config) {
        if (config.database().url().isPresent()) {
            return new PostgresServer(config.database().url().get());
        }
        return startEmbedded(config.database().dataDir().resolve("postgres"));
    }

    /**
     * Starts (or restarts on existing data) an embedded PostgreSQL in {@code dir}. Blocking, seconds. Refuses with
     * {@link DataDirInUseException} when another live Arena process runs it; stops a postmaster that a dead one left
     * running first.
     */
    public static PostgresServer startEmbedded(Path dir) {
        DataDirLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = DataDirLock.acquire(dir);
            long t0 = System.nanoTime();
            Postmaster.clearLeftovers(dir);
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
                    // zonky's own hook would stop the database while the node's hook still stores results
                    .setRegisterShutdownHook(false)
                    .start();
            ProcessHandle postmaster = Postmaster.running(dir).orElseThrow(() -> new IllegalStateException(
                    "embedded PostgreSQL started but " + dir.resolve("postmaster.pid") + " names no running server"));
            log.info("embedded PostgreSQL (pid {}) started on 127.0.0.1:{} with data in {} ({} ms)", postmaster.pid(),
                    pg.getPort(), dir, (System.nanoTime() - t0) / 1_000_000);
            return new PostgresServer(new DatabaseUrl("127.0.0.1", pg.getPort(), "postgres", "postgres", ""), pg, dir,
                    lock, postmaster, Postmaster.watchdog(postmaster));
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    private static void release(DataDirLock lock) {
        if (lock != null) {
            lock.close();
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

    /**
     * Stops an embedded server, every time: a fast shutdown (with a checkpoint, so the next start needs no
     * recovery), given {@link #STOP_PATIENCE} under load, then an immediate one; a no-op for an external server.
     */
    @Override
    public synchronized void close() {
        if (embedded == null || !lock.isHeld()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            embedded.close(); // pg_ctl stop -m fast, waiting 5 s; also releases zonky's own lock
        } catch (IOException e) {
            log.warn("pg_ctl stop failed: {}", e.getMessage());
        }
        if (postmaster.isAlive()) {
            // pg_ctl gave up waiting, but the fast shutdown goes on: give it time, then end it the hard way
            Postmaster.stop(postmaster, STOP_PATIENCE);
        }
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
        lock.close();
        log.info("embedded PostgreSQL stopped ({} ms)", (System.nanoTime() - t0) / 1_000_000);
    }
}
