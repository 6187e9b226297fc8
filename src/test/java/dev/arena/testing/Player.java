package dev.arena.testing;

import dev.arena.identity.AuthResult;
import io.vertx.core.json.JsonObject;

/** A player as tests hold one: the access token and the id. */
public record Player(String token, String id) {

    /** From a register/login/guest response body ({@code token}, {@code player.id}). */
    public static Player of(JsonObject auth) {
        return new Player(auth.getString("token"), auth.getJsonObject("player").getString("id"));
    }

    public static Player of(AuthResult auth) {
        return new Player(auth.token(), auth.player().id().toString());
    }
}
