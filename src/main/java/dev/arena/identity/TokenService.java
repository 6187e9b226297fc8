package dev.arena.identity;

import dev.arena.common.ArenaException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs and checks access tokens (HS256 JWTs through vertx-auth-jwt). Claims: {@code sub} player id,
 * {@code sid} session id, {@code exp}. Expiry is checked here against the injected clock rather than by
 * the library against the system clock, so tests can move time.
 */
public final class TokenService {
    private final JWTAuth jwt;
    private final Clock clock;
    private final Duration ttl;

    public TokenService(Vertx vertx, String secret, Duration ttl, Clock clock) {
        this.clock = clock;
        this.ttl = ttl;
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
                .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(UUID playerId, UUID sessionId) {
        long exp = clock.instant().plus(ttl).getEpochSecond();
        JsonObject claims = new JsonObject().put("sub", playerId.toString()).put("sid", sessionId.toString())
                .put("exp", exp);
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true));
    }

    /** Signature and expiry only; whether the session is still active is the caller's check. */
    public Future<Claims> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Future.failedFuture(new ArenaException.Unauthorized("missing bearer token"));
        }
        return jwt.authenticate(new TokenCredentials(token))
                .recover(e -> Future.failedFuture(new ArenaException.Unauthorized("invalid token")))
                .compose(user -> {
                    // the library keeps the verified claims under attributes.accessToken
                    JsonObject p = user.attributes().getJsonObject("accessToken", new JsonObject());
                    try {
                        Instant exp = Instant.ofEpochSecond(p.getLong("exp"));
                        if (!clock.instant().isBefore(exp)) {
                            return Future.failedFuture(new ArenaException.Unauthorized("token expired"));
                        }
                        return Future.succeededFuture(new Claims(UUID.fromString(p.getString("sub")),
                                UUID.fromString(p.getString("sid")), exp));
                    } catch (RuntimeException e) {
                        return Future.failedFuture(new ArenaException.Unauthorized("invalid token"));
                    }
                });
    }

    public record Claims(UUID playerId, UUID sessionId, Instant expiresAt) {}
}
