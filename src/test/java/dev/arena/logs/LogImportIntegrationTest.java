package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /logs/import: files under ARENA_LOG_IMPORT_DIR only, run as a durable job, once per file. */
class LogImportIntegrationTest {

    @Test
    void importsAFileOfTheDirectoryOnceAndRefusesPathsOutsideIt() throws Exception {
        Path dir = TestNode.tempDir();
        byte[] file = LogFixtures.generate(3_000, 12, 5, 21, 0);
        Files.write(dir.resolve("day.ndjson"), file);
        Files.write(dir.resolve("day.ndjson.gz"), LogFixtures.gzip(file));
        try (TestNode node = TestNode.start(LogImportIntegrationTest.class,
                Map.of("ARENA_LOG_IMPORT_DIR", dir.toString(), "ARENA_LOG_BATCH", "800"))) {
            String admin = LogFixtures.ingestToken(node, Role.ADMIN);
            Response r = node.http().post("/logs/import", new JsonObject().put("path", "day.ndjson"), admin);
            assertThat(r.status()).as("%s", r).isEqualTo(202);
            String key = r.json().getString("idempotency_key");
            JsonObject job = Eventually.until(() -> LogFixtures.jobOf(node, admin, key),
                    j -> j != null && j.getString("status").equals("done"), "the import done");
            assertThat(job.getLong("events")).isEqualTo(3_000);
            assertThat(job.getString("source")).endsWith("day.ndjson");
            LogFixtures.assertAnalytics(node, admin, LogFixtures.Expected.of(file));

            // the same file again: the same key, nothing counted twice
            assertThat(node.http().post("/logs/import", new JsonObject().put("path", "day.ndjson"), admin).json()
                    .getString("idempotency_key")).isEqualTo(key);
            assertThat(LogFixtures.jobOf(node, admin, key).getLong("events")).isEqualTo(3_000);

            assertThat(node.http().post("/logs/import", new JsonObject().put("path", "../outside.ndjson"), admin)
                    .status()).isEqualTo(403);
            assertThat(node.http().post("/logs/import", new JsonObject().put("path", "/etc/passwd"), admin)
                    .status()).isEqualTo(403);
            assertThat(node.http().post("/logs/import", new JsonObject().put("path", "missing.ndjson"), admin)
                    .status()).isEqualTo(422);
            String ingest = LogFixtures.ingestToken(node, Role.INGEST);
            assertThat(node.http().post("/logs/import", new JsonObject().put("path", "day.ndjson"), ingest)
                    .status()).isEqualTo(403);
            // a gzip file is read through gzip
            String gzKey = node.http().post("/logs/import", new JsonObject().put("path", "day.ndjson.gz"), admin)
                    .json().getString("idempotency_key");
            assertThat(Eventually.until(() -> LogFixtures.jobOf(node, admin, gzKey),
                    j -> j != null && j.getString("status").equals("done"), "the gz import done").getLong("bytes"))
                    .isEqualTo(file.length);
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
