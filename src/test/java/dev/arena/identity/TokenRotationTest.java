package dev.arena.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token-secret rotation: a new secret signs, old ones still verify what they signed, until they are dropped. */
class TokenRotationTest {
    private static final String OLD = "old-secret-0123456789-0123456789-abc";
    private static final String NEW = "new-secret-0123456789-0123456789-xyz";
    private static Vertx vertx;
    private final MutableClock clock = new MutableClock();
    private final UUID player = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static <T> T await(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return new JsonObject(header).getString("kid");
    }

    @Test
    void aTokenSignedWithThePreviousSecretStaysValidAfterARotation() throws Exception {
        String before = new TokenService(vertx, OLD, Duration.ofMinutes(15), clock).issue(player, session);

        TokenService rotated = new TokenService(vertx, NEW, List.of(OLD), Duration.ofMinutes(15), clock);
        assertThat(await(rotated.verify(before)).playerId()).isEqualTo(player);
        String after = rotated.issue(player, session);
        assertThat(kid(after)).isEqualTo(TokenService.keyId(NEW)).isNotEqualTo(kid(before));
        assertThat(await(rotated.verify(after)).sessionId()).isEqualTo(session);
    }

    @Test
    void onceTheOldSecretIsDroppedItsTokensAreRefused() {
        String before = new TokenService(vertx, OLD, Duration.ofMinutes(15), clock).issue(player, session);
        TokenService onlyNew = new TokenService(vertx, NEW, Duration.ofMinutes(15), clock);
        assertThatThrownBy(() -> await(onlyNew.verify(before))).isInstanceOf(dev.arena.common.ArenaException.Unauthorized.class);
    }

    @Test
    void theKeyIdNamesTheSecretWithoutRevealingIt() {
        String kid = TokenService.keyId(NEW);
        assertThat(kid).hasSize(11).doesNotContain("secret");
        assertThat(TokenService.keyId(OLD)).isNotEqualTo(kid);
    }

    @Test
    void aForgedKeyIdIsRefused() {
        String token = new TokenService(vertx, NEW, Duration.ofMinutes(15), clock).issue(player, session);
        String forgedHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"nope\"}".getBytes(StandardCharsets.UTF_8));
        String forged = forgedHeader + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> await(new TokenService(vertx, NEW, Duration.ofMinutes(15), clock).verify(forged)))
                .isInstanceOf(dev.arena.common.ArenaException.Unauthorized.class);
    }
}
