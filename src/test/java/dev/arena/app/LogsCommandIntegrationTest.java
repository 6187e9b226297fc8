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

    /** 503s the node answered so far (from {@code /metrics}; only the refused uploads answer it here). */
    private static long refusals(TestNode node) {
        long n = 0;
        for (String line : node.http().get("/metrics").body().split("\n")) {
            if (line.startsWith("vertx_http_server_requests_total{") && line.contains("code=\"503\"")) {
                n += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return n;
    }

    /**
     * Sends the head of an upload with {@code Expect: 100-continue} and no body; returns what the node answered
     * until it closed the connection, or, when it answers 100 first, that line alone.
     */
    private static String expectContinue(TestNode node, String token, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", node.arena().port())) {
            s.setSoTimeout(20_000);
            String head = "POST /logs/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + "Authorization: Bearer " + token + "\r\nExpect: 100-continue\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = s.getInputStream();
            var got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
                String text = got.toString(java.nio.charset.StandardCharsets.US_ASCII);
                if (text.startsWith("HTTP/1.1 100") && text.contains("\r\n\r\n")) {
                    return text;
                }
            }
            return got.toString(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Test
    void anUploadWaitsForAFreeIngestSlotLongerThanItsAttemptsLast() throws Exception {
        Path dir = TestNode.tempDir();
        long step = LogsCommand.Ingest.busyStepMs;
        LogsCommand.Ingest.busyStepMs = 5;
        try (TestNode node = TestNode.start(LogsCommandIntegrationTest.class,
                Map.of("ARENA_LOG_BATCH", "500", "ARENA_LOG_JOBS", "1"))) {
            byte[] held = LogFixtures.generate(3000, 20, 5, 4, 0);
            byte[] file = LogFixtures.generate(2000, 30, 7, 5, 0);
            Path b = dir.resolve("b.ndjson");
            Files.write(b, file);
            String token = LogFixtures.ingestToken(node, Role.INGEST);
            try (Socket s = LogFixtures.partialUpload(node, token, "held-slot", held, held.length / 3)) {
                Eventually.until(() -> LogFixtures.jobOfStalled(node, token, "held-slot"),
                        j -> j != null && j.getLong("bytes") > 0, "the only slot taken");
                // a client that asks first ("Expect: 100-continue") is refused before it sends a byte of the body,
                // and the connection ends with the answer (it cannot carry a next request)
                String refused = expectContinue(node, token, file);
                assertThat(refused).startsWith("HTTP/1.1 503").doesNotContain("100 Continue")
                        .containsIgnoringCase("connection: close");
                var cli = java.util.concurrent.CompletableFuture.supplyAsync(() -> run("logs", "ingest", b.toString(),
                        "--url", node.http().base().toString(), "--token", token));
                // more refusals than the attempts a failing upload gets: waiting for a slot must not use them up
                Eventually.until(() -> refusals(node), n -> n > LogsCommand.Ingest.ATTEMPTS + 10 || cli.isDone(),
                        "the upload refused while the slot is held");
                assertThat(cli).isNotDone();
            } // the held upload is cut: its job ends interrupted and the slot frees
            String key = LogsCommand.Ingest.key(b);
            var done = Eventually.until(() -> LogFixtures.jobOf(node, token, key),
                    j -> j != null && j.getString("status").equals("done"), "the waiting upload ingested");
            assertThat(done.getLong("events")).isEqualTo(2000);
            // with a slot free, the same head is let in
            // (the slot is given back just after the job shows done)
            Eventually.until(() -> {
                try {
                    return expectContinue(node, token, file);
                } catch (Exception e) {
                    return e.toString();
                }
            }, r -> r.startsWith("HTTP/1.1 100 Continue"), "a head let in");
        } finally {
            LogsCommand.Ingest.busyStepMs = step;
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
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
