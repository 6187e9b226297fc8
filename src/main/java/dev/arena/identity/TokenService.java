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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs and checks access tokens (HS256 JWTs through vertx-auth-jwt). Claims: {@code sub} player id,
 * {@code sid} session id, {@code exp}; the header's {@code kid} names the secret that signed it. Expiry is checked
 * here against the injected clock rather than by the library against the system clock, so tests can move time.
 *
 * <p>Rotation: tokens are signed with the current secret only, and verified with the secret their {@code kid}
 * names, current or previous. Moving the old secret to the previous list while a new one becomes current keeps every
 * issued token valid until it expires; once {@code ARENA_TOKEN_TTL} has passed the old one can be dropped.
 */
public final class TokenService {
    private final String currentKid;
    private final JWTAuth signer;
    /** kid → verifier, the current secret first. */
    private final Map<String, JWTAuth> verifiers = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public TokenService(Vertx vertx, String secret, Duration ttl, Clock clock) {
        this(vertx, secret, List.of(), ttl, clock);
    }

    public TokenService(Vertx vertx, String secret, List<String> previous, Duration ttl, Clock clock) {
        this.clock = clock;
        this.ttl = ttl;
        this.currentKid = keyId(secret);
        this.signer = auth(vertx, secret);
        verifiers.put(currentKid, signer);
        for (String old : previous) {
            verifiers.putIfAbsent(keyId(old), auth(vertx, old));
        }
    }

    private static JWTAuth auth(Vertx vertx, String secret) {
        return JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
                .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
    }

    /** A public name for a secret: 8 bytes of its SHA-256, so a token says which key signed it, not the key. */
    static String keyId(String secret) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(UUID playerId, UUID sessionId) {
        return issue(playerId, sessionId, ttl);
    }

    /** A token that expires sooner than the configured lifetime (the start-up warm-up's). */
    String issue(UUID playerId, UUID sessionId, Duration lifetime) {
        long exp = clock.instant().plus(lifetime).getEpochSecond();
        JsonObject claims = new JsonObject().put("sub", playerId.toString()).put("sid", sessionId.toString())
                .put("exp", exp);
        return signer.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true)
                .setHeader(new JsonObject().put("kid", currentKid)));
    }

    /** Signature and expiry only; whether the session is still active is the caller's check. */
    public Future<Claims> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Future.failedFuture(new ArenaException.Unauthorized("missing bearer token"));
        }
        JWTAuth verifier = verifiers.get(kid(token));
        if (verifier == null) {
            return Future.failedFuture(new ArenaException.Unauthorized("invalid token"));
        }
        return verifier.authenticate(new TokenCredentials(token))
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

    /** The header's kid; a token from before rotation existed has none and is checked with the current secret. */
    private String kid(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return currentKid; // malformed: the library refuses it
        }
        try {
            JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                    StandardCharsets.UTF_8));
            Object kid = header.getValue("kid");
            return kid == null ? currentKid : kid.toString();
        } catch (RuntimeException e) {
            return currentKid; // not base64 or not JSON: the library refuses it
        }
    }

    public record Claims(UUID playerId, UUID sessionId, Instant expiresAt) {}
}
