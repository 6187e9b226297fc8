package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failed-login throttling over HTTP; time is moved with the node's clock, never slept. */
class LoginThrottleIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    /** Every request here comes from 127.0.0.1, whose address key the throttle also counts: start each test clean. */
    @BeforeEach
    void forgetEarlierFailures() {
        node.clock().advance(Duration.ofMinutes(16));
    }

    private static Response login(String username, String password) {
        return node.http().post("/auth/login", new JsonObject().put("username", username).put("password", password));
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheClockMovesOn() {
        node.register("victim", "the-right-one");
        for (int i = 0; i < 5; i++) {
            assertThat(login("victim", "guess-" + i).status()).as("failure %d", i + 1).isEqualTo(401);
        }

        Response locked = login("victim", "the-right-one");
        assertThat(locked.status()).as("%s", locked).isEqualTo(429);
        assertThat(locked.contentType()).isEqualTo("application/problem+json");
        assertThat(locked.json().getString("type")).isEqualTo("urn:arena:problem:rate-limited");
        assertThat(locked.header("Retry-After")).contains("30");

        node.clock().advance(Duration.ofSeconds(20));
        Response stillLocked = login("victim", "the-right-one");
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(stillLocked.header("Retry-After")).contains("10");

        node.clock().advance(Duration.ofSeconds(10));
        Response unlocked = login("victim", "the-right-one");
        assertThat(unlocked.status()).as("%s", unlocked).isEqualTo(200);
    }

    @Test
    void theLockCoversEveryCaseOfTheUsername() {
        node.register("Casey", "the-right-one");
        for (int i = 0; i < 5; i++) {
            login(i % 2 == 0 ? "casey" : "CASEY", "guess-" + i);
        }
        assertThat(login("Casey", "the-right-one").status()).isEqualTo(429);
    }

    @Test
    void failuresSpreadOverManyUsernamesLockTheAddress() {
        node.register("bystander", "the-right-one");
        for (int i = 0; i < 5; i++) {
            assertThat(login("no-such-user-" + i, "whatever").status()).isEqualTo(401);
        }
        assertThat(login("bystander", "the-right-one").status()).isEqualTo(429);
        node.clock().advance(Duration.ofSeconds(30));
        assertThat(login("bystander", "the-right-one").status()).isEqualTo(200);
    }
}
