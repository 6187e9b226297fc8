package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request-body validation: each kind of bad field, on each route with a body, answered with a 422 problem
 * whose {@code errors} list names every bad field at once.
 */
class ValidationIntegrationTest {
    private static final String USERNAME_RULE =
            "may contain letters, digits, '_', '.' and '-', and must start with a letter or digit";

    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static String token;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        token = node.register("validator", "password-1").getString("token");
        node.arena().identity().createPrivileged("validating-admin", "password-1", dev.arena.identity.Role.ADMIN)
                .toCompletionStage().toCompletableFuture().get();
        adminToken = node.http().post("/auth/login", new JsonObject().put("username", "validating-admin")
                .put("password", "password-1")).json().getString("token");
    }

    /** Sends the body and returns the field errors as "field: message", after checking the problem around them. */
    private static List<String> errors(String method, String path, String auth, Object body) {
        Response r = node.http().send(method, path, auth, body, java.util.Map.of());
        assertThat(r.status()).as("%s %s %s: %s", method, path, body, r).isEqualTo(422);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonObject p = r.json();
        assertThat(p.getString("type")).isEqualTo("urn:arena:problem:validation-failed");
        assertThat(p.getString("title")).isEqualTo("Validation Failed");
        assertThat(p.getInteger("status")).isEqualTo(422);
        assertThat(p.getString("instance")).isEqualTo(path);
        List<String> errors = p.getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("field") + ": " + e.getString("message")).toList();
        assertThat(p.getString("detail")).as("the detail names the first error").isEqualTo(errors.getFirst());
        return errors;
    }

    private static List<String> register(Object body) {
        return errors("POST", "/auth/register", null, body);
    }

    @Test
    void missingFieldsAreAllReported() {
        assertThat(register(new JsonObject()))
                .containsExactlyInAnyOrder("username: is required", "password: is required");
        assertThat(register(""))
                .as("an empty body counts as {}")
                .containsExactlyInAnyOrder("username: is required", "password: is required");
        assertThat(errors("POST", "/auth/login", null, new JsonObject().put("username", "x")))
                .containsExactly("password: is required");
        assertThat(errors("POST", "/auth/guest", null, new JsonObject())).containsExactly("device_id: is required");
        assertThat(errors("POST", "/auth/refresh", null, new JsonObject())).containsExactly("refresh_token: is required");
        assertThat(errors("PATCH", "/players/me", token, new JsonObject())).containsExactly("display_name: is required");
        assertThat(errors("PUT", "/players/" + UUID.randomUUID() + "/role", adminToken, new JsonObject()))
                .containsExactly("role: is required");
    }

    @Test
    void nullIsNotAValue() {
        assertThat(register(new JsonObject().putNull("username").putNull("password")))
                .containsExactlyInAnyOrder("username: must not be null", "password: must not be null");
        assertThat(errors("PATCH", "/players/me", token, new JsonObject().putNull("display_name")))
                .containsExactly("display_name: must not be null");
    }

    @Test
    void wrongTypesAreNotCoerced() {
        assertThat(register(new JsonObject().put("username", 12345).put("password", true)))
                .containsExactlyInAnyOrder("username: must be a string", "password: must be a string");
        assertThat(register(new JsonObject().put("username", new JsonObject()).put("password", List.of("a"))))
                .containsExactlyInAnyOrder("username: must be a string", "password: must be a string");
        assertThat(errors("POST", "/auth/guest", null, new JsonObject().put("device_id", 123456789)))
                .containsExactly("device_id: must be a string");
    }

    @Test
    void tooShortAndTooLong() {
        assertThat(register(new JsonObject().put("username", "ab").put("password", "seven77")))
                .containsExactlyInAnyOrder("username: must be between 3 and 24 characters",
                        "password: must be between 8 and 128 characters");
        assertThat(register(new JsonObject().put("username", "a".repeat(25)).put("password", "p".repeat(129))))
                .containsExactlyInAnyOrder("username: must be between 3 and 24 characters",
                        "password: must be between 8 and 128 characters");
        assertThat(errors("POST", "/auth/guest", null, new JsonObject().put("device_id", "short")))
                .containsExactly("device_id: must be between 8 and 128 characters");
        assertThat(errors("PATCH", "/players/me", token, new JsonObject().put("display_name", "")))
                .containsExactly("display_name: must be between 1 and 32 characters");
        assertThat(errors("PATCH", "/players/me", token, new JsonObject().put("display_name", "🎮".repeat(33))))
                .containsExactly("display_name: must be between 1 and 32 characters");
        assertThat(errors("POST", "/auth/login", null, new JsonObject().put("username", "").put("password", "x")))
                .containsExactly("username: must be between 1 and 64 characters");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        Response r = node.http().patch("/players/me", new JsonObject().put("display_name", "🎮".repeat(32)), token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }

    @Test
    void badPatterns() {
        for (String bad : List.of("-dash-first", "has space", "émile", "semi;colon", "_under")) {
            assertThat(register(new JsonObject().put("username", bad).put("password", "password-1")))
                    .as(bad).containsExactly("username: " + USERNAME_RULE);
        }
        assertThat(errors("POST", "/auth/guest", null, new JsonObject().put("device_id", "has a space")))
                .containsExactly("device_id: must be printable ASCII without spaces");
        for (String bad : List.of("   ", "tab\there", "bell\u0007", "a\u0007b", "\u0085c1")) {
            assertThat(errors("PATCH", "/players/me", token, new JsonObject().put("display_name", bad)))
                    .containsExactly("display_name: must contain visible characters and no control characters");
        }
        // NUL is refused for every body before field rules run (common.JsonText)
        assertThat(errors("PATCH", "/players/me", token, new JsonObject().put("display_name", "nul\u0000")))
                .containsExactly("display_name: must not contain the NUL character (U+0000)");
        assertThat(errors("PUT", "/players/" + UUID.randomUUID() + "/role", adminToken,
                new JsonObject().put("role", "king"))).containsExactly("role: must be one of player, viewer, moderator, admin, ingest");
    }

    /** Regression: a NUL reached PostgreSQL (which cannot store it in text) and came back as a 500. */
    @Test
    void aNulCharacterInALoginIsABadRequestNotAServerError() {
        assertThat(errors("POST", "/auth/login", null, new JsonObject().put("username", "nul\u0000").put("password", "x")))
                .containsExactly("username: must not contain the NUL character (U+0000)");
    }

    @Test
    void unknownFieldsAreErrorsNotIgnored() {
        assertThat(register(new JsonObject().put("username", "newcomer").put("password", "password-1")
                .put("email", "a@b.c").put("role", "admin")))
                .containsExactlyInAnyOrder("email: is not a known field", "role: is not a known field");
        assertThat(errors("PATCH", "/players/me", token,
                new JsonObject().put("display_name", "Fine").put("username", "sneaky")))
                .containsExactly("username: is not a known field");
        assertThat(node.http().get("/players/by-username/newcomer").status()).isEqualTo(404);
        assertThat(node.http().post("/auth/login", new JsonObject().put("username", "newcomer").put("password", "password-1"))
                .status()).as("nothing was registered").isEqualTo(401);
    }

    @Test
    void everyKindOfErrorAtOnce() {
        assertThat(register(new JsonObject().put("username", "x y").putNull("password").put("extra", 1)))
                .containsExactlyInAnyOrder("extra: is not a known field", "username: " + USERNAME_RULE,
                        "password: must not be null");
    }
}
