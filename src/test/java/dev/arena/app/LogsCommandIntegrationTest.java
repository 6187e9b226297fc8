package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.logs.LogFixtures;
import dev.arena.testing.Eventually;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code arena logs generate} and {@code arena logs ingest} against a real node. */
class LogsCommandIntegrationTest {

    private static int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
    }

    @Test
    void generateIsDeterministicAndIngestResumesAFileAnEarlierUploadLeftHalfDone() throws Exception {
        Path dir = TestNode.tempDir();
        try (TestNode node = TestNode.start(LogsCommandIntegrationTest.class, Map.of("ARENA_LOG_BATCH", "500"))) {
            Path a = dir.resolve("a.ndjson");
            Path b = dir.resolve("b.ndjson");
            assertThat(run("logs", "generate", "--events", "5000", "--players", "40", "--games", "9", "--seed", "3",
                    "--out", a.toString())).isZero();
            assertThat(run("logs", "generate", "--events", "5000", "--players", "40", "--games", "9", "--seed", "3",
                    "--out", b.toString())).isZero();
            byte[] file = Files.readAllBytes(a);
            assertThat(Files.readAllBytes(b)).isEqualTo(file);
            assertThat(file).isEqualTo(LogFixtures.generate(5000, 40, 9, 3, 0));

            String token = LogFixtures.ingestToken(node, Role.INGEST);
            String key = LogsCommand.Ingest.key(a);
            try (Socket s = LogFixtures.partialUpload(node, token, key, file, file.length / 3)) {
                Eventually.until(() -> LogFixtures.jobOfStalled(node, token, key), j -> j != null && j.getLong("bytes") > 0,
                        "a first part committed");
            }
            Eventually.until(() -> LogFixtures.jobOf(node, token, key), j -> j.getString("status").equals("interrupted"),
                    "the cut upload interrupted");
            assertThat(run("logs", "ingest", a.toString(), "--url", node.http().base().toString(), "--token", token))
                    .isZero();
            JsonObject job = LogFixtures.jobOf(node, token, key);
            assertThat(job.getString("status")).isEqualTo("done");
            assertThat(job.getLong("events")).isEqualTo(5000);
            LogFixtures.assertAnalytics(node, token, LogFixtures.Expected.of(file));
            // the same file again: nothing new
            assertThat(run("logs", "ingest", a.toString(), "--url", node.http().base().toString(), "--token", token))
                    .isZero();
            assertThat(LogFixtures.jobOf(node, token, key).getLong("events")).isEqualTo(5000);
            LogFixtures.assertAnalytics(node, token, LogFixtures.Expected.of(file));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
