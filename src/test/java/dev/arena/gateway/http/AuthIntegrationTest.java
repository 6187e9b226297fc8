package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Register, login, guest, refresh and logout round trips on a real node and database. Every failed login
 * here also counts against 127.0.0.1 in the login throttle, so this class stays below its five free
 * failures; throttling itself is {@link LoginThrottleIntegrationTest}'s subject.
 */
class AuthIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    private static JsonObject credentials(String username, String password) {
        return new JsonObject().put("username", username).put("password", password);
    }

    @Test
    void registerReturnsThePlayerAndTokensThatWork() {
        JsonObject r = node.register("ada", "correct horse");

        JsonObject player = r.getJsonObject("player");
        assertThat(player.getString("username")).isEqualTo("ada");
        assertThat(player.getString("display_name")).isEqualTo("ada");
        assertThat(player.getString("role")).isEqualTo("player");
        assertThat(player.getBoolean("is_guest")).isFalse();
        assertThat(player.getString("created_at")).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(player.fieldNames()).doesNotContain("password_hash", "passwordHash", "device_id");
        assertThat(r.getString("token_type")).isEqualTo("Bearer");
        assertThat(r.getLong("expires_in")).isEqualTo(900L);
        assertThat(r.getString("refresh_token")).isNotBlank();

        Response me = node.http().get("/players/me", r.getString("token"));
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().getString("id")).isEqualTo(player.getString("id"));
    }

    @Test
    void loginOpensANewSessionForTheSamePlayer() {
        JsonObject registered = node.register("grace", "hopper1906");

        Response login = node.http().post("/auth/login", credentials("grace", "hopper1906"));
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        JsonObject body = login.json();
        assertThat(body.getJsonObject("player").getString("id"))
                .isEqualTo(registered.getJsonObject("player").getString("id"));
        assertThat(body.getString("token")).isNotEqualTo(registered.getString("token"));
        assertThat(body.getString("refresh_token")).isNotEqualTo(registered.getString("refresh_token"));
        assertThat(node.http().get("/players/me", body.getString("token")).status()).isEqualTo(200);
    }

    @Test
    void loginMatchesTheUsernameInAnyCase() {
        JsonObject registered = node.register("Linus", "penguins!");

        Response login = node.http().post("/auth/login", credentials("LINUS", "penguins!"));
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().getJsonObject("player").getString("id"))
                .isEqualTo(registered.getJsonObject("player").getString("id"));
    }

    @Test
    void wrongPasswordAndUnknownUsernameGetTheSameAnswer() {
        node.register("edsger", "goto harmful");

        Response wrong = node.http().post("/auth/login", credentials("edsger", "goto helpful"));
        Response unknown = node.http().post("/auth/login", credentials("nobody-here", "goto harmful"));

        for (Response r : new Response[] {wrong, unknown}) {
            assertThat(r.status()).as("%s", r).isEqualTo(401);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().getString("type")).isEqualTo("urn:arena:problem:unauthorized");
            assertThat(r.json().getString("detail")).isEqualTo("wrong username or password");
            assertThat(r.json().getString("instance")).isEqualTo("/auth/login");
        }
        assertThat(node.http().post("/auth/login", credentials("edsger", "goto harmful")).status()).isEqualTo(200);
    }

    @Test
    void guestLoginTwiceWithOneDeviceIsOnePlayer() {
        JsonObject device = new JsonObject().put("device_id", "device-0001-abcdef");

        Response first = node.http().post("/auth/guest", device);
        Response second = node.http().post("/auth/guest", device);
        Response other = node.http().post("/auth/guest", new JsonObject().put("device_id", "device-0002-abcdef"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        JsonObject guest = first.json().getJsonObject("player");
        assertThat(guest.getBoolean("is_guest")).isTrue();
        assertThat(guest.getValue("username")).isNull();
        assertThat(guest.getString("display_name")).startsWith("Guest-");
        assertThat(second.json().getJsonObject("player").getString("id")).isEqualTo(guest.getString("id"));
        assertThat(second.json().getString("token")).isNotEqualTo(first.json().getString("token"));
        assertThat(other.json().getJsonObject("player").getString("id")).isNotEqualTo(guest.getString("id"));
        assertThat(node.http().get("/players/me", second.json().getString("token")).json().getString("id"))
                .isEqualTo(guest.getString("id"));
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        node.register("Barbara", "liskov-1939");

        for (String taken : new String[] {"Barbara", "barbara", "BARBARA"}) {
            Response r = node.http().post("/auth/register", credentials(taken, "another-password"));
            assertThat(r.status()).as("%s: %s", taken, r).isEqualTo(409);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().getString("type")).isEqualTo("urn:arena:problem:conflict");
            assertThat(r.json().getString("detail")).isEqualTo("username is taken");
        }
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        JsonObject registered = node.register("tony", "hoare-quicksort");
        String oldRefresh = registered.getString("refresh_token");

        Response refreshed = node.http().post("/auth/refresh", new JsonObject().put("refresh_token", oldRefresh));
        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
        JsonObject body = refreshed.json();
        assertThat(body.getJsonObject("player").getString("id"))
                .isEqualTo(registered.getJsonObject("player").getString("id"));
        assertThat(body.getString("refresh_token")).isNotEqualTo(oldRefresh);
        assertThat(node.http().get("/players/me", body.getString("token")).status()).isEqualTo(200);

        Response reused = node.http().post("/auth/refresh", new JsonObject().put("refresh_token", oldRefresh));
        assertThat(reused.status()).as("%s", reused).isEqualTo(401);
        assertThat(reused.contentType()).isEqualTo("application/problem+json");

        Response again = node.http().post("/auth/refresh", new JsonObject().put("refresh_token", body.getString("refresh_token")));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
    }

    @Test
    void aRefreshTokenSentManyTimesAtOnceIsExchangedOnce() {
        String refresh = node.register("racer", "password-1").getString("refresh_token");
        JsonObject body = new JsonObject().put("refresh_token", refresh);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var attempts = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> node.http().post("/auth/refresh", body).status(), pool))
                    .toList();
            var statuses = attempts.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).as("%s", statuses).containsOnly(200, 401).containsOnlyOnce(200);
        }
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        Response r = node.http().post("/auth/refresh", new JsonObject().put("refresh_token", "not-a-refresh-token"));
        assertThat(r.status()).as("%s", r).isEqualTo(401);
        assertThat(r.json().getString("detail")).isEqualTo("refresh token is invalid or expired");
    }

    @Test
    void logoutEndsTheAccessAndTheRefreshTokenOfThatSessionOnly() {
        JsonObject registered = node.register("margaret", "apollo-11-agc");
        String token = registered.getString("token");
        Response otherLogin = node.http().post("/auth/login", credentials("margaret", "apollo-11-agc"));
        assertThat(node.http().get("/players/me", token).status()).isEqualTo(200);

        Response logout = node.http().post("/auth/logout", null, token);
        assertThat(logout.status()).as("%s", logout).isEqualTo(204);
        assertThat(logout.body()).isEmpty();

        Response me = node.http().get("/players/me", token);
        assertThat(me.status()).as("%s", me).isEqualTo(401);
        assertThat(me.json().getString("detail")).isEqualTo("session has ended");
        Response refresh = node.http().post("/auth/refresh",
                new JsonObject().put("refresh_token", registered.getString("refresh_token")));
        assertThat(refresh.status()).as("%s", refresh).isEqualTo(401);
        assertThat(node.http().post("/auth/logout", null, token).status()).isEqualTo(401);

        assertThat(node.http().get("/players/me", otherLogin.json().getString("token")).status()).isEqualTo(200);
    }

    @Test
    void protectedRoutesNeedABearerToken() {
        Response none = node.http().post("/auth/logout", null);
        assertThat(none.status()).as("%s", none).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");
        assertThat(none.json().getString("detail")).isEqualTo("missing bearer token");

        Response basic = node.http().send("GET", "/players/me", null, null, Map.of("Authorization", "Basic YTpi"));
        assertThat(basic.status()).as("%s", basic).isEqualTo(401);
    }
}
