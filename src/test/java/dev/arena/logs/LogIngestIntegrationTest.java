package dev.arena.logs;

import static dev.arena.logs.LogFixtures.generate;
import static dev.arena.logs.LogFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads against a real node and PostgreSQL. Each test uses its own players and games (the generator's ids are
 * prefixed per test through the seed's file), so the shared rollups do not mix.
 */
class LogIngestIntegrationTest {
    private static TestNode node;
    private static String token;

    @BeforeAll
    static void start() {
        node = TestNode.start(LogIngestIntegrationTest.class, Map.of("ARENA_LOG_BATCH", "500"));
        token = LogFixtures.ingestToken(node, Role.INGEST);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** The generated file with its ids made unique to one test. */
    private static byte[] file(String tag, long events, double badShare) {
        String text = new String(generate(events, 20, 7, 42, badShare), StandardCharsets.UTF_8)
                .replace("\"g-", "\"g-" + tag + "-").replace("\"p-", "\"p-" + tag + "-");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String key() {
        return "file-" + UUID.randomUUID();
    }

    @Test
    void aggregatesEqualTheSumsOfTheFile() {
        byte[] f = file("sums", 5_000, 0);
        Response r = upload(node, token, "", f, Map.of("Idempotency-Key", key()));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        JsonObject job = r.json();
        LogFixtures.Expected expected = LogFixtures.Expected.of(f);
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getLong("lines")).isEqualTo(5_000);
        assertThat(job.getLong("events")).isEqualTo(expected.events()).isEqualTo(5_000);
        assertThat(job.getLong("bad_lines")).isZero();
        assertThat(job.getLong("bytes")).isEqualTo(f.length);
        assertThat(job.getDouble("seconds")).isPositive();
        LogFixtures.assertAnalytics(node, token, expected);
    }

    @Test
    void badLinesAreCountedWithTheirNumbersAndFailTheJobAboveTheShare() {
        String good = new String(file("bad", 3, 0), StandardCharsets.UTF_8);
        String[] lines = good.split("\n");
        String body = lines[0] + "\n" + "{nope\n" + lines[1] + "\n" + "{\"ts\":\"2026-12-01T00:00:00Z\"}\n" + lines[2] + "\n";
        Response r = upload(node, token, "", body.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("status")).isEqualTo("failed"); // 2 of 5 > 1%
        assertThat(r.json().getLong("bad_lines")).isEqualTo(2);
        assertThat(r.json().getLong("events")).isEqualTo(3);
        JsonObject job = node.http().get("/logs/jobs/" + r.json().getString("job_id"), token).json();
        assertThat(job.getJsonArray("bad_line_samples").stream().map(o -> ((JsonObject) o).getLong("line")))
                .containsExactly(2L, 4L);
        assertThat(((JsonObject) job.getJsonArray("bad_line_samples").getValue(1)).getString("reason"))
                .isEqualTo("game_id: missing");
    }

    @Test
    void aFewBadLinesUnderTheShareStillSucceed() {
        byte[] f = file("few", 2_000, 0.005);
        Response r = upload(node, token, "", f, Map.of());
        LogFixtures.Expected expected = LogFixtures.Expected.of(f);
        assertThat(r.json().getString("status")).isEqualTo("done");
        assertThat(r.json().getLong("bad_lines")).isEqualTo(2_000 - expected.events()).isPositive();
        LogFixtures.assertAnalytics(node, token, expected);
    }

    @Test
    void gzipBodiesAreReadAsTheirContent() {
        byte[] f = file("gz", 3_000, 0);
        Response r = upload(node, token, "", LogFixtures.gzip(f), Map.of("Content-Encoding", "gzip"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getLong("events")).isEqualTo(3_000);
        assertThat(r.json().getLong("bytes")).as("offsets count the uncompressed file").isEqualTo(f.length);
        LogFixtures.assertAnalytics(node, token, LogFixtures.Expected.of(f));
    }

    @Test
    void aLineOneByteOver64KbIsBadAndTheRestIsRead() {
        String good = new String(file("long", 2, 0), StandardCharsets.UTF_8);
        String[] lines = good.split("\n");
        String prefix = lines[0].substring(0, lines[0].length() - 1) + ",\"pad\":\"";
        String over = prefix + "x".repeat(65_536 - prefix.length() - 1) + "\"}";
        assertThat(over.getBytes(StandardCharsets.UTF_8)).hasSize(65_537);
        Response r = upload(node, token, "?raw=false", (over + "\n" + lines[1] + "\n")
                .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.json().getLong("lines")).isEqualTo(2);
        assertThat(r.json().getLong("events")).isEqualTo(1);
        JsonObject job = node.http().get("/logs/jobs/" + r.json().getString("job_id"), token).json();
        assertThat(job.getJsonArray("bad_line_samples").getJsonObject(0).getMap())
                .containsEntry("line", 1).containsEntry("reason", "line longer than 65536 bytes");
    }

    @Test
    void aFileOfOnlyBadLinesFailsAndCountsNothing() {
        Response r = upload(node, token, "", "x\n{}\n[1]\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("status")).isEqualTo("failed");
        assertThat(r.json().getLong("bad_lines")).isEqualTo(3);
        assertThat(r.json().getLong("events")).isZero();
    }

    @Test
    void anEmptyFileIsADoneJobOfNothing() {
        Response r = upload(node, token, "", new byte[0], Map.of());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("status")).isEqualTo("done");
        assertThat(r.json().getLong("lines")).isZero();
        assertThat(r.json().getLong("bytes")).isZero();
    }

    @Test
    void theSameFileTwiceWithItsKeyCountsOnce() {
        byte[] f = file("twice", 1_500, 0);
        String key = key();
        Response first = upload(node, token, "", f, Map.of("Idempotency-Key", key));
        Response second = upload(node, token, "", f, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).contains("true");
        assertThat(second.json().getString("job_id")).isEqualTo(first.json().getString("job_id"));
        assertThat(second.json().getLong("events")).isEqualTo(1_500);
        LogFixtures.assertAnalytics(node, token, LogFixtures.Expected.of(f));
    }

    @Test
    void aConnectionCutMidUploadIsResumedFromTheCommittedOffsetWithExactTotals() throws Exception {
        byte[] f = file("cut", 6_000, 0.001);
        String key = key();
        // half the file, then the connection drops (the last line sent is cut in the middle)
        try (Socket s = LogFixtures.partialUpload(node, token, key, f, f.length / 2 + 7)) {
            // the upload stalls: its open commit group is committed once older than the interval (the node's clock)
            Eventually.until(() -> LogFixtures.jobOfStalled(node, token, key),
                    j -> j != null && j.getLong("bytes") > 0, "a first commit group committed");
        }
        JsonObject broken = Eventually.until(() -> LogFixtures.jobOf(node, token, key),
                j -> j.getString("status").equals("interrupted"), "the job interrupted");
        long offset = broken.getLong("bytes");
        assertThat(offset).isPositive().isLessThanOrEqualTo(f.length / 2 + 7);
        assertThat(f[(int) offset - 1]).as("a checkpoint is at a line end").isEqualTo((byte) '\n');
        String job = broken.getString("job_id");

        // the wrong offset is refused with the committed one
        Response wrong = upload(node, token, "?job_id=" + job + "&offset=" + (offset + 1),
                Arrays.copyOfRange(f, (int) offset + 1, f.length), Map.of());
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.json().getLong("committed_offset")).isEqualTo(offset);
        // a restart from 0 with the key is refused too: it would count the first half twice
        assertThat(upload(node, token, "", f, Map.of("Idempotency-Key", key)).json().getLong("committed_offset"))
                .isEqualTo(offset);

        Response resumed = upload(node, token, "?job_id=" + job + "&offset=" + offset,
                Arrays.copyOfRange(f, (int) offset, f.length), Map.of("Idempotency-Key", key));
        assertThat(resumed.status()).as("%s", resumed).isEqualTo(201);
        LogFixtures.Expected expected = LogFixtures.Expected.of(f);
        assertThat(resumed.json().getLong("lines")).isEqualTo(6_000);
        assertThat(resumed.json().getLong("events")).isEqualTo(expected.events());
        assertThat(resumed.json().getLong("bad_lines")).isEqualTo(6_000 - expected.events());
        assertThat(resumed.json().getLong("bytes")).isEqualTo(f.length);
        LogFixtures.assertAnalytics(node, token, expected);
    }

    @Test
    void onlyAdminsAndIngestAccountsMayIngestAndTheBodyMustBeNdjson() {
        String player = node.register("log-player", "password-1").getString("token");
        assertThat(upload(node, player, "", new byte[0], Map.of()).status()).isEqualTo(403);
        assertThat(upload(node, null, "", new byte[0], Map.of()).status()).isEqualTo(401);
        String admin = LogFixtures.ingestToken(node, Role.ADMIN);
        assertThat(upload(node, admin, "", new byte[0], Map.of()).status()).isEqualTo(201);
        Response wrongType = node.http().post("/logs/ingest", new JsonObject(), token);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(upload(node, token, "", new byte[0], Map.of("Content-Encoding", "br")).status()).isEqualTo(415);
        Response bad = upload(node, token, "?job_id=nope&offset=x", new byte[0], Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getJsonArray("errors")).hasSize(2);
        assertThat(node.http().get("/logs/jobs/" + UUID.randomUUID(), token).status()).isEqualTo(404);
        assertThat(node.http().get("/logs/jobs", player).status()).isEqualTo(403);
    }

    @Test
    void aBodyLargerThanTheJsonBodyLimitIsStreamedNotRefused() {
        byte[] f = file("big", 12_000, 0); // about 1.7 MB, above ARENA_BODY_LIMIT's 1 MiB
        assertThat(f.length).isGreaterThan(1 << 20);
        Response r = upload(node, token, "", f, Map.of());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getLong("events")).isEqualTo(12_000);
    }
}
