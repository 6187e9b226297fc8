package dev.arena.testing;

import dev.arena.config.DatabaseUrl;
import dev.arena.storage.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real embedded PostgreSQL per test JVM, started on first use in {@code target/test-pg} ({@code target/fork-N/test-pg} in surefire fork N; wiped first)
 * and stopped when the JVM exits. Each test class asks for its own fresh database, so classes never see
 * each other's rows and nothing needs cleaning up between them.
 */
public final class TestDatabases {
    /**
     * Under a directory of its own per surefire fork ({@code arena.test.fork}, {@code fork-N} set in pom.xml): with
     * forkCount > 1 the forks' servers would otherwise share one data directory (and its lock in the parent).
     */
    private static final Path DIR = (System.getProperty("arena.test.fork", "").isEmpty() ? Path.of("target")
            : Path.of("target", System.getProperty("arena.test.fork"))).resolve("test-pg").toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PostgresServer server;

    private TestDatabases() {}

    /** A new, empty database (no schema: the node under test migrates it) named after {@code owner}. */
    public static DatabaseUrl fresh(Class<?> owner) {
        PostgresServer pg = server();
        String name = owner.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + COUNTER.incrementAndGet();
        DatabaseUrl admin = pg.url();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new DatabaseUrl(admin.host(), admin.port(), name, admin.user(), admin.password());
    }

    /** Runs one statement as the superuser, e.g. to take a test's database away from its node for a while. */
    public static void execute(String sql) {
        DatabaseUrl admin = server().url();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run: " + sql, e);
        }
    }

    /** The first column of the first row of a query, run as the superuser. */
    public static String queryOne(String sql) {
        DatabaseUrl admin = server().url();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement();
             var rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run: " + sql, e);
        }
    }

    /** {@code postgres://...} form of a database, as an operator would write ARENA_DATABASE_URL. */
    public static String asUrl(DatabaseUrl db) {
        return "postgres://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.database();
    }

    private static synchronized PostgresServer server() {
        if (server == null) {
            deleteTree(DIR);
            server = PostgresServer.startEmbedded(DIR);
            PostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-pg-stop"));
        }
        return server;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
