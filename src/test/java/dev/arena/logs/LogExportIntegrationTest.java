package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.Eventually;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export from one database, re-ingest into a fresh one: the same aggregates. */
class LogExportIntegrationTest {
    private static TestNode source;
    private static String token;
    private static byte[] file;

    @BeforeAll
    static void start() {
        source = TestNode.start(LogExportIntegrationTest.class, Map.of("ARENA_LOG_BATCH", "700"));
        token = LogFixtures.ingestToken(source, Role.INGEST);
        file = LogFixtures.generate(4_000, 15, 6, 5, 0.001);
        assertThat(LogFixtures.upload(source, token, "", file, Map.of()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void exportThenReingestIntoAFreshDatabaseGivesTheSameAggregates() throws Exception {
        LogFixtures.Expected expected = LogFixtures.Expected.of(file);
        Response plain = source.http().get("/logs/export?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z", token);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.contentType()).isEqualTo("application/x-ndjson");
        byte[] exported = plain.body().getBytes(StandardCharsets.UTF_8);
        assertThat(plain.body().split("\n")).hasSize((int) expected.events());

        var zipped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                source.http().base().resolve("/logs/export?to=2027-01-01T00:00:00Z"))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(zipped.body())).isEqualTo(exported);

        try (TestNode fresh = TestNode.start(LogExportIntegrationTest.class)) {
            String freshToken = LogFixtures.ingestToken(fresh, Role.INGEST);
            Response r = LogFixtures.upload(fresh, freshToken, "", exported, Map.of());
            assertThat(r.json().getLong("events")).isEqualTo(expected.events());
            assertThat(r.json().getLong("bad_lines")).isZero();
            LogFixtures.assertAnalytics(fresh, freshToken, expected);
        }
    }

    @Test
    void exportFiltersByModeAndGame() {
        String body = source.http().get("/logs/export?game_id=g-000002&to=2027-01-01T00:00:00Z", token).body();
        assertThat(body.split("\n")).allMatch(l -> new JsonObject(l).getString("game_id").equals("g-000002"));
        assertThat(body.split("\n").length).isEqualTo(LogFixtures.Expected.of(file).games().get("g-000002").intValue());
        assertThat(source.http().get("/logs/export?mode=relay&to=2020-01-01T00:00:00Z", token).body()).isEmpty();
        assertThat(source.http().get("/logs/export?source=elsewhere", token).status()).isEqualTo(422);
        assertThat(source.http().get("/logs/export", null).status()).isEqualTo(401);
    }

    @Test
    void arenasOwnMatchesExportInTheSameFormat() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Player a = Player.of(source.register("exp-a", "password-1"));
            Player b = Player.of(source.register("exp-b", "password-1"));
            var played = ConnectFourGame.play(source.http(), vertx, source.arena().port(), a, b);
            String path = "/logs/export?source=arena&game_id=" + played.gameId()
                    + "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
            String body = Eventually.until(() -> source.http().get(path, token).body(), s -> s.contains("\"result\""),
                    "the stored game exported");
            String[] lines = body.split("\n");
            assertThat(lines).anyMatch(l -> l.contains("\"type\":\"input\"")).anyMatch(l -> l.contains("\"type\":\"join\""));
            JsonObject winner = new JsonObject(java.util.Arrays.stream(lines).filter(l -> l.contains("\"result\"")
                    && l.contains(played.winner().id())).findFirst().orElseThrow());
            assertThat(winner.getJsonObject("data").getString("outcome")).isEqualTo("win");
            // and it ingests as any log: the players' analytics link to their Arena accounts
            Response r = LogFixtures.upload(source, token, "?raw=false", body.getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(r.json().getLong("bad_lines")).isZero();
            assertThat(r.json().getLong("events")).isEqualTo(lines.length);
            JsonObject analytics = source.http().get("/analytics/players/" + a.id(), token).json();
            assertThat(analytics.getJsonObject("arena_player").getString("id")).isEqualTo(a.id());
        } finally {
            vertx.close();
        }
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
