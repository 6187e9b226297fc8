package dev.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's data over HTTP: the live stream (SSE), the history, player statistics, and who may read them. */
class DashboardApiIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static Player player;

    @BeforeAll
    static void start() {
        player = Player.of(node.register("watcher", "correct-horse-9"));
    }

    /** Moves the clock a second and waits until the feed has sampled it (its 200 ms poll sees the new second). */
    static JsonObject nextSecond(TestNode node, String token) {
        long before = latestSeq(node, token);
        node.clock().advance(Duration.ofSeconds(1));
        return Eventually.until(() -> {
            JsonArray s = node.http().get("/dashboard/history?seconds=5", token).json().getJsonArray("samples");
            return s.isEmpty() ? null : s.getJsonObject(s.size() - 1);
        }, last -> last != null && last.getLong("seq") > before, "a sample of the next second");
    }

    static long latestSeq(TestNode node, String token) {
        JsonArray s = node.http().get("/dashboard/history?seconds=3600", token).json().getJsonArray("samples");
        return s.isEmpty() ? 0 : s.getJsonObject(s.size() - 1).getLong("seq");
    }

    @Test
    void theDashboardIsForSignedInAccountsByDefault() {
        for (String path : new String[] {"/dashboard/history", "/dashboard/stream", "/dashboard/players"}) {
            Response r = node.http().get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void historyCountsTheSocketsOfThisNode() {
        int before = nextSecond(node.testNode(), player.token()).getJsonObject("realtime").getInteger("sockets");
        try (WsClient ws = WsClient.gateway(node.arena().vertx(), node.arena().port(), player.token())) {
            ws.welcome();
            JsonObject s = nextSecond(node.testNode(), player.token());
            assertThat(s.getJsonObject("realtime").getInteger("sockets")).isEqualTo(before + 1);
            assertThat(s.getJsonArray("nodes").getJsonObject(0).getString("id"))
                    .isEqualTo(node.arena().config().nodeId());
            assertThat(s.getJsonObject("http").getDouble("requests_per_second")).as("our own requests").isPositive();
            // counts only: nothing that names a player, a token or an address
            assertThat(s.encode()).doesNotContain(player.id(), player.token(), "127.0.0.1");
        }
    }

    @Test
    void historyRefusesAWindowOutsideOneHour() {
        for (String bad : new String[] {"0", "3601", "x", "-1"}) {
            Response r = node.http().get("/dashboard/history?seconds=" + bad, player.token());
            assertThat(r.status()).as(bad).isEqualTo(422);
        }
    }

    /** An open stream: its samples, and a latch that opens when the server ends it. */
    record OpenStream(HttpResponse<InputStream> response, BlockingQueue<JsonObject> samples,
                      java.util.concurrent.CountDownLatch ended, Thread reader) implements AutoCloseable {
        static OpenStream open(TestNode node, String token) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(node.http().base().resolve("/dashboard/stream"))
                    .header("Authorization", "Bearer " + token).build();
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
            BlockingQueue<JsonObject> samples = new LinkedBlockingQueue<>();
            var ended = new java.util.concurrent.CountDownLatch(1);
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("data: ")) {
                            samples.add(new JsonObject(line.substring(6)));
                        }
                    }
                    ended.countDown(); // the server ended the response
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            return new OpenStream(r, samples, ended, reader);
        }

        boolean endedWithin(Duration d) throws InterruptedException {
            return ended.await(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theStreamSendsOneSampleForEachSecondOfTheClock() throws Exception {
        try (OpenStream stream = OpenStream.open(node.testNode(), player.token())) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/event-stream"));
            for (int i = 0; i < 3; i++) {
                node.clock().advance(Duration.ofSeconds(1));
                JsonObject s = stream.samples().poll(10, TimeUnit.SECONDS);
                assertThat(s).as("sample %d", i).isNotNull();
                assertThat(s.getJsonObject("realtime")).isNotNull();
                assertThat(s.getJsonObject("matches").containsKey("input_p99_ms")).as("input-to-state").isTrue();
                assertThat(s.getJsonObject("realtime").getDouble("loop_delay_p99_ms")).as("loop delay")
                        .isNotNull().isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    void aStreamEndsWhenItsSessionIsRevokedAndOtherStreamsGoOn() throws Exception {
        Player leaving = Player.of(node.register("leaving_watcher", "correct-horse-9"));
        try (OpenStream mine = OpenStream.open(node.testNode(), leaving.token());
             OpenStream other = OpenStream.open(node.testNode(), player.token())) {
            node.clock().advance(Duration.ofSeconds(1));
            assertThat(mine.samples().poll(10, TimeUnit.SECONDS)).as("a first sample").isNotNull();
            assertThat(node.http().post("/auth/logout", new JsonObject(), leaving.token()).status()).isEqualTo(204);
            // the revocation reaches the stream at once: no clock movement needed
            assertThat(mine.endedWithin(Duration.ofSeconds(10))).as("the revoked session's stream ended").isTrue();
            other.samples().clear();
            node.clock().advance(Duration.ofSeconds(1));
            assertThat(other.samples().poll(10, TimeUnit.SECONDS)).as("another session's stream goes on").isNotNull();
            assertThat(other.endedWithin(Duration.ZERO)).isFalse();
        }
        assertThat(node.http().get("/dashboard/stream", leaving.token()).status()).as("and cannot reopen")
                .isEqualTo(401);
    }

    @Test
    void aStreamWhoseTokenExpiresEndsAtItsNextCheck() throws Exception {
        // its own node: the clock jumps past the token's lifetime, which would end the shared node's tokens too
        try (TestNode own = TestNode.start(DashboardApiIntegrationTest.class, Map.of("ARENA_TOKEN_TTL", "1m",
                "ARENA_REFRESH_TTL", "1m"))) {
            Player p = Player.of(own.register("expiring", "correct-horse-9"));
            try (OpenStream stream = OpenStream.open(own, p.token())) {
                own.clock().advance(Duration.ofSeconds(1));
                assertThat(stream.samples().poll(10, TimeUnit.SECONDS)).isNotNull();
                own.clock().advance(Duration.ofMinutes(2));
                // the token is checked again every few samples of the clock
                for (int i = 0; i < 12 && !stream.endedWithin(Duration.ofMillis(500)); i++) {
                    own.clock().advance(Duration.ofSeconds(1));
                }
                assertThat(stream.endedWithin(Duration.ofSeconds(5))).as("the expired token's stream ended").isTrue();
            }
        }
    }

    @Test
    void playerStatisticsCountTodaysActivePlayers() {
        JsonObject stats = node.http().get("/dashboard/players", player.token()).json();
        assertThat(stats.getLong("active_today")).isGreaterThanOrEqualTo(1);
        assertThat(stats.getLong("new_today")).isGreaterThanOrEqualTo(1);
        assertThat(stats.getJsonObject("top_players")).isNotNull();
    }

    @Test
    void aPublicDashboardIsReadableWithoutSigningIn() {
        try (TestNode open = TestNode.start(DashboardApiIntegrationTest.class,
                Map.of("ARENA_DASHBOARD_PUBLIC", "true"))) {
            assertThat(open.http().get("/dashboard/history").status()).isEqualTo(200);
            assertThat(open.http().get("/dashboard/players").status()).isEqualTo(200);
        }
    }
}
