package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Niceness;
import dev.arena.config.DatabaseUrl;
import dev.arena.identity.Role;
import dev.arena.storage.postgres.Migrations;
import dev.arena.storage.postgres.PgLogStore;
import dev.arena.testing.Eventually;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Log ingest runs below the event loops' CPU priority (ARENA_LOG_NICE): its parsing and committing threads, and its
 * PostgreSQL backend when the database is on this machine. Read back from /proc, as the kernel schedules them.
 */
class LogIngestPriorityIntegrationTest {

    @Test
    void anUploadsThreadsRunAtTheConfiguredNiceValueAndTheEventLoopsAtTheProcesss() throws Exception {
        // 3 steps, not the default 10: only this node's threads can have it (other nodes may share the test JVM);
        // relative to the process, which the build may itself run under nice
        int process = Niceness.of(ProcessHandle.current().pid()).orElseThrow();
        int lowered = Math.min(Niceness.MAX, process + 3);
        assertThat(lowered).as("the test needs room below the process's priority").isGreaterThan(process);
        try (TestNode node = TestNode.start(LogIngestPriorityIntegrationTest.class, Map.of("ARENA_LOG_NICE", "3",
                "ARENA_LOG_BATCH", "100"))) {
            String token = LogFixtures.ingestToken(node, Role.INGEST);
            byte[] body = LogFixtures.generate(1_000, 5, 3, 9, 0);
            // half the body: the upload's reader and its committer stay alive while the test looks
            try (Socket held = LogFixtures.partialUpload(node, token, "nice-" + System.nanoTime(), body,
                    body.length / 2)) {
                Eventually.until(() -> niceOfThreads("arena-log-inges"), n -> n.contains(lowered),
                        Duration.ofSeconds(10), "an ingest thread at nice " + lowered);
                Eventually.until(() -> niceOfThreads("arena-log-commi"), n -> n.contains(lowered),
                        Duration.ofSeconds(10), "a commit thread at nice " + lowered);
                assertThat(niceOfThreads("vert.x-eventloo")).isNotEmpty().allMatch(n -> n == process);
            }
        }
    }

    @Test
    void anIngestSessionsBackendIsLoweredOnlyWhenAsked() throws Exception {
        DatabaseUrl db = TestDatabases.fresh(LogIngestPriorityIntegrationTest.class);
        Migrations.migrate(db);
        int plainNice;
        try (LogStore.Session plain = new PgLogStore(db).open()) {
            plainNice = niceOfBackends(db).getFirst();
        }
        int lowered = Math.min(Niceness.MAX, plainNice + 4);
        assertThat(lowered).as("the test needs room below the database's priority").isGreaterThan(plainNice);
        try (LogStore.Session session = new PgLogStore(db, 4).open()) {
            assertThat(niceOfBackends(db)).contains(lowered); // (the plain one may not have exited yet)
        }
    }

    /** The nice values of this JVM's threads whose name (as the kernel keeps it: 15 characters) starts so. */
    private static List<Integer> niceOfThreads(String comm) {
        List<Integer> nice = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(comm)) {
                        Niceness.of(Long.parseLong(task.getFileName().toString())).ifPresent(nice::add);
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return nice;
    }

    /** The nice values of the backends serving ingest sessions of this database. */
    private static List<Integer> niceOfBackends(DatabaseUrl db) throws Exception {
        List<Integer> nice = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                     + PgLogStore.APPLICATION_NAME + "' AND datname = current_database()")) {
            while (rs.next()) {
                Niceness.of(rs.getLong(1)).ifPresent(nice::add);
            }
        }
        return nice;
    }
}
