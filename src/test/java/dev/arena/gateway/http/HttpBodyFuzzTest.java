package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arena.identity.Role;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any body sent to any route that reads one is answered with a 2xx or a 4xx problem, never a 500: the body
 * validators of every API refuse what they cannot take, in words. One real node (embedded PostgreSQL) serves the
 * whole run; the token is an admin's, so role checks do not stop a body before its validator sees it.
 * Replays {@code HttpBodyFuzzTestInputs} in the normal suite; {@code JAZZER_FUZZ=1} fuzzes (docs/SECURITY.md).
 */
class HttpBodyFuzzTest {
    private static final String SOME_ID = UUID.randomUUID().toString();
    private static final List<String[]> ROUTES = List.of(
            new String[] {"POST", "/auth/register"}, new String[] {"POST", "/auth/login"},
            new String[] {"POST", "/auth/guest"}, new String[] {"POST", "/auth/refresh"},
            new String[] {"PATCH", "/players/me"}, new String[] {"PUT", "/players/" + SOME_ID + "/role"},
            new String[] {"POST", "/games/create"}, new String[] {"POST", "/games/join-by-code"},
            new String[] {"POST", "/games/" + SOME_ID + "/finish"}, new String[] {"POST", "/games/" + SOME_ID + "/ready"},
            new String[] {"POST", "/games/" + SOME_ID + "/kick"}, new String[] {"POST", "/matchmaking/tickets"},
            new String[] {"POST", "/parties"}, new String[] {"POST", "/parties/" + SOME_ID + "/invite"},
            new String[] {"POST", "/tournaments"}, new String[] {"POST", "/chat/mutes"},
            new String[] {"POST", "/chat/bans"}, new String[] {"POST", "/tournaments/" + SOME_ID + "/start"},
            new String[] {"POST", "/tournaments/" + SOME_ID + "/pairings/" + SOME_ID + "/result"});

    private static TestNode node;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(HttpBodyFuzzTest.class);
        node.arena().identity().createPrivileged("fuzzing-admin", "password-1", Role.ADMIN)
                .toCompletionStage().toCompletableFuture().get();
        token = node.http().post("/auth/login", new JsonObject().put("username", "fuzzing-admin")
                .put("password", "password-1")).json().getString("token");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void everyBodyGetsAnAnswerThatIsNotAServerError(FuzzedDataProvider data) {
        String[] route = data.pickValue(ROUTES);
        String body = data.consumeRemainingAsString();
        Response r = node.http().send(route[0], route[1], token, body, Map.of());
        assertThat(r.status()).as("%s %s with %s -> %s", route[0], route[1], body, r.body()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }
}
