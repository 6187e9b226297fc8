package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: guest sign-ups are limited per client address (ARENA_GUEST_LIMIT per ARENA_GUEST_WINDOW; the address as
 * ClientAddress resolves it, here behind a trusted proxy so that tests can be several addresses), and failed logins
 * lock the account from any address and the address for any account. Time moves with the node's clock.
 */
class GuestLimitIntegrationTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(GuestLimitIntegrationTest.class, Map.of("ARENA_GUEST_LIMIT", "3",
                "ARENA_GUEST_WINDOW", "10m", "ARENA_TRUST_PROXY", "true"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Response guest(String device, String address) {
        return node.http().send("POST", "/auth/guest", null, new JsonObject().put("device_id", device),
                Map.of("X-Forwarded-For", address));
    }

    private static Response login(String username, String password, String address) {
        return node.http().send("POST", "/auth/login", null,
                new JsonObject().put("username", username).put("password", password), Map.of("X-Forwarded-For", address));
    }

    @Test
    void anAddressMayCreateThreeGuestsPerWindowThenGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(guest("limit-device-" + i, "203.0.113.7").status()).as("guest %d", i).isEqualTo(200);
        }
        Response refused = guest("limit-device-3", "203.0.113.7");
        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("type")).isEqualTo("urn:arena:problem:rate-limited");
        assertThat(refused.header("Retry-After")).contains("600");

        assertThat(guest("limit-device-0", "203.0.113.7").status()).as("an existing guest logs in again").isEqualTo(200);
        assertThat(guest("limit-device-4", "203.0.113.8").status()).as("another address").isEqualTo(200);

        node.clock().advance(Duration.ofMinutes(4));
        assertThat(guest("limit-device-5", "203.0.113.7").header("Retry-After")).contains("360");
        node.clock().advance(Duration.ofMinutes(6));
        assertThat(guest("limit-device-6", "203.0.113.7").status()).as("a new window").isEqualTo(200);
    }

    @Test
    void failedLoginsFromManyAddressesLockTheAccount() {
        node.clock().advance(Duration.ofMinutes(16));
        node.register("spread-victim", "the-right-one");
        for (int i = 0; i < 5; i++) {
            assertThat(login("spread-victim", "guess", "198.51.100." + i).status()).isEqualTo(401);
        }
        Response locked = login("spread-victim", "the-right-one", "198.51.100.99");
        assertThat(locked.status()).as("a fresh address, the account's lock").isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("30");
    }

    @Test
    void failedLoginsOverManyAccountsLockTheAddressOnly() {
        node.clock().advance(Duration.ofMinutes(16));
        node.register("spread-bystander", "the-right-one");
        for (int i = 0; i < 5; i++) {
            assertThat(login("no-such-" + i, "guess", "192.0.2.50").status()).isEqualTo(401);
        }
        assertThat(login("spread-bystander", "the-right-one", "192.0.2.50").status()).isEqualTo(429);
        assertThat(login("spread-bystander", "the-right-one", "192.0.2.51").status()).as("another address")
                .isEqualTo(200);
    }
}
