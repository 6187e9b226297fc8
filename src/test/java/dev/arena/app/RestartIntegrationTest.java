package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.testing.MutableClock;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-configuration default: no ARENA_DATABASE_URL and no ARENA_TOKEN_SECRET. The embedded PostgreSQL
 * and the generated token secret live in ARENA_DATA_DIR, and both survive a stop and a start.
 */
class RestartIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void aRestartedNodeKeepsPlayersSessionsAndTheTokenSecret() throws Exception {
        MutableClock clock = new MutableClock();
        Map<String, String> env = Map.of("ARENA_DATA_DIR", dataDir.toString());
        JsonObject registered;
        String secret;
        int firstPort;

        try (TestNode first = TestNode.start(env, clock)) {
            assertThat(first.arena().embeddedDatabase()).isTrue();
            registered = first.register("survivor", "password-1");
            firstPort = first.arena().port();
            Path secretFile = dataDir.resolve("token-secret");
            assertThat(secretFile).exists();
            assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            secret = Files.readString(secretFile);
            assertThat(secret.strip()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        }
        assertThatThrownBy(() -> new dev.arena.testing.Http(java.net.URI.create("http://127.0.0.1:" + firstPort + "/"))
                .get("/health/live")).as("a closed node accepts nothing").isInstanceOf(UncheckedIOException.class);
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the database was stopped").doesNotExist();

        try (TestNode second = TestNode.start(env, clock)) {
            assertThat(Files.readString(dataDir.resolve("token-secret"))).as("the secret is reused").isEqualTo(secret);
            String id = registered.getJsonObject("player").getString("id");

            var old = second.http().get("/players/me", registered.getString("token"));
            assertThat(old.status()).as("the token from before the restart: %s", old).isEqualTo(200);
            assertThat(old.json().getString("id")).isEqualTo(id);

            var login = second.http().post("/auth/login",
                    new JsonObject().put("username", "survivor").put("password", "password-1"));
            assertThat(login.status()).as("%s", login).isEqualTo(200);
            assertThat(login.json().getJsonObject("player").getString("id")).isEqualTo(id);

            var refresh = second.http().post("/auth/refresh",
                    new JsonObject().put("refresh_token", registered.getString("refresh_token")));
            assertThat(refresh.status()).as("%s", refresh).isEqualTo(200);
        }
    }
}
