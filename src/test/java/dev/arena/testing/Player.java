package dev.arena.testing;

import dev.arena.identity.AuthResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** A player as tests hold one: the access token and the id. */
public record Player(String token, String id) {

    /** From a register/login/guest response body ({@code token}, {@code player.id}). */
    public static Player of(JsonObject auth) {
        return new Player(auth.getString("token"), auth.getJsonObject("player").getString("id"));
    }

    public static Player of(AuthResult auth) {
        return new Player(auth.token(), auth.player().id().toString());
    }

    /** Waits (bounded, 30 s) for a future of the node's own API, failing the test on error or timeout. */
    public static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
