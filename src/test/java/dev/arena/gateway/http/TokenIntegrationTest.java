package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Access-token expiry and tampering. Tokens are forged here with a plain HMAC-SHA256 (not the library the
 * server uses), so a forged token with the right secret and claims must work, and every variation must not.
 */
class TokenIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_TOKEN_TTL", "10m", "ARENA_REFRESH_TTL", "2h"));

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String sign(String header, String payload, String secret) {
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject claims(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private static int me(String token) {
        return node.http().get("/players/me", token).status();
    }

    private static void assertRefused(String token, String why) {
        Response r = node.http().get("/players/me", token);
        assertThat(r.status()).as("%s: %s", why, r).isEqualTo(401);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void theTokenCarriesPlayerSessionAndExpiry() {
        JsonObject r = node.register("claims", "password-1");
        JsonObject c = claims(r.getString("token"));
        assertThat(c.getString("sub")).isEqualTo(r.getJsonObject("player").getString("id"));
        assertThat(UUID.fromString(c.getString("sid"))).isNotNull();
        assertThat(c.getLong("exp")).isEqualTo(node.clock().instant().plus(Duration.ofMinutes(10)).getEpochSecond());
        assertThat(r.getLong("expires_in")).isEqualTo(600L);
    }

    @Test
    void anAccessTokenExpiresAfterTheTtlAndTheRefreshTokenReplacesIt() {
        JsonObject r = node.register("expiring", "password-1");
        String token = r.getString("token");

        node.clock().advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(me(token)).isEqualTo(200);
        node.clock().advance(Duration.ofSeconds(1));
        Response expired = node.http().get("/players/me", token);
        assertThat(expired.status()).as("%s", expired).isEqualTo(401);
        assertThat(expired.json().getString("detail")).isEqualTo("token expired");

        Response refreshed = node.http().post("/auth/refresh", new JsonObject().put("refresh_token", r.getString("refresh_token")));
        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
        assertThat(me(refreshed.json().getString("token"))).isEqualTo(200);
    }

    @Test
    void aRefreshTokenExpiresAfterItsOwnTtl() {
        JsonObject r = node.register("long-gone", "password-1");
        node.clock().advance(Duration.ofHours(2));
        Response refreshed = node.http().post("/auth/refresh", new JsonObject().put("refresh_token", r.getString("refresh_token")));
        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(401);
    }

    @Test
    void aTokenForgedWithTheRightSecretWorksSoTheForgeriesBelowTestSomething() {
        JsonObject r = node.register("forger", "password-1");
        String forged = sign(HS256, claims(r.getString("token")).encode(), TestNode.TOKEN_SECRET);
        assertThat(me(forged)).isEqualTo(200);
    }

    @Test
    void aFlippedSignatureCharacterIsRefused() {
        String token = node.register("flipped", "password-1").getString("token");
        int i = token.lastIndexOf('.') + 10;
        char flipped = token.charAt(i) == 'A' ? 'B' : 'A';
        assertRefused(token.substring(0, i) + flipped + token.substring(i + 1), "flipped signature");
        assertThat(me(token)).isEqualTo(200);
    }

    @Test
    void aChangedPayloadIsRefused() {
        JsonObject victim = node.register("victim", "password-1");
        String mine = node.register("attacker", "password-1").getString("token");
        String[] parts = mine.split("\\.");
        JsonObject c = claims(mine).put("sub", victim.getJsonObject("player").getString("id"));
        String tampered = parts[0] + "." + B64.encodeToString(c.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(tampered, "payload changed, old signature");

        JsonObject later = claims(mine).put("exp", claims(mine).getLong("exp") + 86_400);
        assertRefused(parts[0] + "." + B64.encodeToString(later.encode().getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2], "expiry extended, old signature");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String token = node.register("other-secret", "password-1").getString("token");
        assertRefused(sign(HS256, claims(token).encode(), "another-secret-that-is-long-enough-0123456789"),
                "other secret");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = node.register("alg-none", "password-1").getString("token");
        String unsigned = sign("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims(token).encode(), "x");
        assertRefused(unsigned.substring(0, unsigned.lastIndexOf('.') + 1), "alg none");
    }

    @Test
    void aValidlySignedTokenNeedsAnExistingSessionOfThatPlayer() {
        JsonObject a = node.register("session-a", "password-1");
        JsonObject b = node.register("session-b", "password-1");
        JsonObject unknownSession = claims(a.getString("token")).put("sid", UUID.randomUUID().toString());
        assertRefused(sign(HS256, unknownSession.encode(), TestNode.TOKEN_SECRET), "unknown session");

        JsonObject someoneElsesSession = claims(a.getString("token"))
                .put("sub", b.getJsonObject("player").getString("id"));
        assertRefused(sign(HS256, someoneElsesSession.encode(), TestNode.TOKEN_SECRET), "session of another player");

        JsonObject noExpiry = claims(a.getString("token"));
        noExpiry.remove("exp");
        assertRefused(sign(HS256, noExpiry.encode(), TestNode.TOKEN_SECRET), "no exp claim");
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {"garbage", "a.b.c", "..", "eyJhbGciOiJIUzI1NiJ9.e30.", "x".repeat(5000)}) {
            assertRefused(garbage, garbage.length() > 40 ? "a 5000-character token" : garbage);
        }
    }
}
