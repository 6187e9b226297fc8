package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Edge conventions every route shares: problem documents for bad bodies, unknown routes and wrong methods,
 * the body limit, and CORS, which only a node configured with ARENA_CORS_ORIGINS answers.
 */
class HttpConventionsIntegrationTest {
    private static final String ALLOWED = "https://play.example.com";

    /** ARENA_BODY_LIMIT=1KiB and CORS for one origin. */
    private static TestNode strict;
    /** Defaults: no CORS. */
    private static TestNode plain;

    @BeforeAll
    static void start() {
        strict = TestNode.start(HttpConventionsIntegrationTest.class,
                Map.of("ARENA_BODY_LIMIT", "1KiB", "ARENA_CORS_ORIGINS", ALLOWED + ", https://other.example.com"));
        plain = TestNode.start(HttpConventionsIntegrationTest.class);
    }

    @AfterAll
    static void stop() {
        strict.close();
        plain.close();
    }

    private static JsonObject problem(Response r, int status, String kind) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonObject p = r.json();
        assertThat(p.getString("type")).isEqualTo("urn:arena:problem:" + kind);
        assertThat(p.getInteger("status")).isEqualTo(status);
        assertThat(p.getString("title")).isNotBlank();
        return p;
    }

    @Test
    void aBodyOverTheLimitIsAPayloadTooLargeProblem() {
        String big = new JsonObject().put("username", "big").put("password", "p".repeat(2000)).encode();
        problem(strict.http().post("/auth/register", big), 413, "payload-too-large");

        String justUnder = new JsonObject().put("username", "small").put("password", "p".repeat(900)).encode();
        assertThat(justUnder.length()).isLessThan(1024);
        problem(strict.http().post("/auth/register", justUnder), 422, "validation-failed");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        for (String body : List.of("{\"username\":", "{username: 'x'}", "not json at all", "{\"a\":1}}")) {
            JsonObject p = problem(plain.http().post("/auth/register", body), 400, "malformed-json");
            assertThat(p.getString("detail")).as(body).startsWith("the body is not valid JSON");
        }
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequestProblem() {
        for (String body : List.of("[]", "[{\"username\":\"x\"}]", "\"text\"", "42", "null", "true")) {
            JsonObject p = problem(plain.http().post("/auth/register", body), 400, "malformed-json");
            assertThat(p.getString("detail")).as(body).isEqualTo("the body must be a JSON object");
        }
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        for (String path : List.of("/nope", "/playerz", "/players/" + UUID.randomUUID() + "/friends", "/auth")) {
            JsonObject p = problem(plain.http().get(path), 404, "not-found");
            assertThat(p.getString("detail")).isEqualTo("no such route");
            assertThat(p.getString("instance")).isEqualTo(path);
        }
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblem() {
        problem(plain.http().get("/auth/login"), 405, "method-not-allowed");
        problem(plain.http().send("DELETE", "/players/" + UUID.randomUUID(), null, null, Map.of()), 405,
                "method-not-allowed");
        problem(plain.http().post("/health/live", "{}"), 405, "method-not-allowed");
    }

    @Test
    void withoutConfiguredOriginsThereAreNoCorsHeaders() {
        Response r = plain.http().send("GET", "/health/live", null, null, Map.of("Origin", ALLOWED));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEmpty();
        Response preflight = plain.http().send("OPTIONS", "/players/me", null, null,
                Map.of("Origin", ALLOWED, "Access-Control-Request-Method", "PATCH"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void aConfiguredOriginGetsCorsHeadersAlsoOnProblems() {
        Response r = strict.http().send("GET", "/health/live", null, null, Map.of("Origin", ALLOWED));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).contains(ALLOWED);

        Response other = strict.http().send("GET", "/health/live", null, null, Map.of("Origin", "https://other.example.com"));
        assertThat(other.header("Access-Control-Allow-Origin")).contains("https://other.example.com");

        Response notFound = strict.http().send("GET", "/nope", null, null, Map.of("Origin", ALLOWED));
        problem(notFound, 404, "not-found");
        assertThat(notFound.header("Access-Control-Allow-Origin"))
                .as("a browser can only read a problem it is allowed to see").contains(ALLOWED);

        Response preflight = strict.http().send("OPTIONS", "/players/me", null, null,
                Map.of("Origin", ALLOWED, "Access-Control-Request-Method", "PATCH",
                        "Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(preflight.status()).as("%s", preflight).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains(ALLOWED);
        assertThat(preflight.header("Access-Control-Allow-Methods").orElse("")).contains("PATCH");
        assertThat(preflight.header("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("content-type");
    }

    @Test
    void anOriginThatIsNotConfiguredIsRefusedWithAProblem() {
        Response r = strict.http().send("GET", "/health/live", null, null, Map.of("Origin", "https://evil.example.com"));
        problem(r, 403, "forbidden");
        assertThat(r.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
