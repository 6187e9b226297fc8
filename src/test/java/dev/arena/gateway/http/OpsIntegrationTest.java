package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Response;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics, the OpenAPI document and Swagger UI, all served by the node itself. */
class OpsIntegrationTest {
    private static TestNode node;
    private static Http http;
    private static String database;

    @BeforeAll
    static void start() {
        var db = TestDatabases.fresh(OpsIntegrationTest.class);
        database = db.database();
        node = TestNode.start(Map.of("ARENA_DATABASE_URL", TestDatabases.asUrl(db),
                "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET), new dev.arena.testing.MutableClock());
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void liveAndReady() {
        Response live = http.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json()).isEqualTo(new JsonObject().put("status", "up"));
        Response ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json()).isEqualTo(new JsonObject().put("status", "ready").put("database", "up"));
    }

    @Test
    void readyAsksTheDatabase() {
        TestDatabases.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        try {
            TestDatabases.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database + "'");
            Response down = http.get("/health/ready");
            assertThat(down.status()).as("%s", down).isEqualTo(503);
            assertThat(down.contentType()).isEqualTo("application/problem+json");
            assertThat(down.json().getString("type")).isEqualTo("urn:arena:problem:not-ready");
            assertThat(http.get("/health/live").status()).as("alive all the same").isEqualTo(200);
        } finally {
            TestDatabases.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        assertThat(http.get("/health/ready").status()).as("ready again once the database is back").isEqualTo(200);
    }

    @Test
    void metricsHaveHttpTimingsByRoutePoolUsageAndJvmMeters() {
        String id = node.register("measured", "password-1").getJsonObject("player").getString("id");
        assertThat(http.get("/players/" + id).status()).isEqualTo(200);
        assertThat(http.get("/players/" + UUID.randomUUID()).status()).isEqualTo(404);

        Response r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/plain");
        String text = r.body();
        assertThat(text).contains("vertx_http_server_response_time_seconds");
        assertThat(text).containsPattern("vertx_http_server_response_time_seconds_count\\{[^}]*route=\"/players/:id\"[^}]*\\}");
        assertThat(text).as("series are labelled by route, never by raw path").doesNotContain(id);
        assertThat(text).contains("vertx_pool");
        assertThat(text).containsPattern("vertx_pool_\\w+\\{[^}]*pool_name=\"arena\"");
        assertThat(text).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_");
    }

    @Test
    void aScrapeRunsOnAWorkerNeverOnAnEventLoop() {
        // a gauge is read during the scrape: it notes the thread that reads it
        Set<String> readers = ConcurrentHashMap.newKeySet();
        Gauge.builder("test.scrape.reader", () -> {
            readers.add(Thread.currentThread().getName());
            return 1;
        }).register(node.arena().httpServices().metrics().registry());
        Response r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("test_scrape_reader 1.0");
        assertThat(readers).isNotEmpty().noneMatch(t -> t.startsWith("vert.x-eventloop"));
    }

    @Test
    void metricsHaveTheMatchMeters() {
        String token = node.register("ticking", "password-1").getString("token");
        Response created = http.post("/games/create", new JsonObject().put("mode", "connect_four"), token);
        assertThat(created.status()).isEqualTo(201);
        // the match ticks at 10 Hz on its own: wait for its first ticks to reach the meters
        String text = Eventually.until(() -> http.get("/metrics").body(),
                t -> t.contains("arena_match_tick_duration_seconds_count") && !t.contains(
                        "arena_match_tick_duration_seconds_count 0"), "the first ticks in the meters");
        assertThat(text).contains("arena_match_tick_duration_seconds_bucket{le=\"1.0E-5\"}",
                "arena_match_tick_recent_seconds{quantile=\"0.99\"}", "arena_match_inputs_total{result=\"accepted\"}",
                "arena_match_ticks_skipped_total", "arena_matches{status=\"waiting\"} 1.0");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        Response r = http.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().getString("openapi")).isEqualTo("3.1.0");
        assertThat(r.json().getJsonObject("paths").fieldNames()).contains("/players/{id}/profile");
    }

    @Test
    void swaggerUiIsServedFromTheJarAndPointsAtOurDocument() {
        Response redirect = http.get("/docs");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains("/docs/");

        Response index = http.get("/docs/");
        assertThat(index.status()).as("%s", index).isEqualTo(200);
        assertThat(index.contentType()).isEqualTo("text/html");
        assertThat(index.body()).contains("swagger-ui").contains("swagger-initializer.js").doesNotContain("://cdn");

        Response init = http.get("/docs/swagger-initializer.js");
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.body()).contains("url: \"/openapi.json\"").doesNotContain("petstore");

        Response bundle = http.get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);

        Response missing = http.get("/docs/no-such-file.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
    }
}
