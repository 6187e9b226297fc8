package dev.arena.identity;

import dev.arena.common.ArenaException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts, logins and sessions. Password hashing runs on a small dedicated worker pool (its size bounds
 * both the CPU and the memory Argon2 may take under a login flood); everything else is non-blocking.
 */
public final class IdentityService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final TokenService tokens;
    private final PasswordHasher hasher;
    private final WorkerExecutor hashing;
    private final LoginThrottle throttle;
    private final GuestLimit guestLimit;
    private final Duration refreshTtl;
    private final Clock clock;
    private final SessionRevocations revocations;
    /** Sessions checked recently: see {@link SessionCache} for what it holds and why that is safe. */
    private final SessionCache sessions;
    private final java.util.concurrent.atomic.LongAdder sessionLoads = new java.util.concurrent.atomic.LongAdder();
    /** Verified against when the username is unknown, so a miss costs as long as a wrong password. */
    private final Future<String> decoyHash;

    public IdentityService(AccountStore store, TokenService tokens, PasswordHasher hasher, WorkerExecutor hashing,
                           LoginThrottle throttle, GuestLimit guestLimit, Duration refreshTtl, Clock clock,
                           SessionRevocations revocations) {
        this.guestLimit = guestLimit;
        this.store = store;
        this.tokens = tokens;
        this.hasher = hasher;
        this.hashing = hashing;
        this.throttle = throttle;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
        this.revocations = revocations;
        this.sessions = new SessionCache(SessionCache.DEFAULT_CAPACITY, clock);
        revocations.listen(sessions::forget);
        revocations.onMissed(sessions::clear);
        this.decoyHash = hashing.executeBlocking(() -> hasher.hash(UUID.randomUUID().toString()), false);
    }

    public Future<AuthResult> register(String username, String password) {
        long epoch = sessions.epoch();
        return hash(password).compose(hash -> {
            Instant now = now();
            Account account = new Account(UUID.randomUUID(), username, username, hash, null, Role.PLAYER, false, now);
            return store.insert(account);
        }).compose(a -> openSession(a, epoch));
    }

    /** Creates a moderator or admin account, or raises an existing account to that role (command line). */
    public Future<Player> createPrivileged(String username, String password, Role role) {
        return store.byUsername(username).compose(existing -> {
            if (existing.isPresent()) {
                UUID id = existing.get().id();
                return store.updateRole(id, role, now())
                        .compose(a -> revocations.revoke(Revocation.player(id)).map(a.view()));
            }
            return hash(password).compose(hash -> store.insert(new Account(UUID.randomUUID(), username, username,
                    hash, null, role, false, now()))).map(Account::view);
        });
    }

    public Future<AuthResult> login(String username, String password, String clientAddress) {
        String userKey = "user:" + username.toLowerCase(Locale.ROOT);
        String addrKey = "addr:" + clientAddress;
        try {
            throttle.check(userKey, addrKey);
        } catch (ArenaException.RateLimited e) {
            return Future.failedFuture(e);
        }
        long epoch = sessions.epoch();
        return store.byUsername(username).compose(found -> {
            Future<String> hash = found.map(a -> Future.succeededFuture(a.passwordHash())).orElse(decoyHash);
            return hash.compose(h -> hashing.executeBlocking(() -> hasher.verify(h, password), false))
                    .compose(ok -> {
                        if (!ok || found.isEmpty() || found.get().guest()) {
                            throttle.failed(userKey, addrKey);
                            return Future.failedFuture(new ArenaException.Unauthorized("wrong username or password"));
                        }
                        throttle.succeeded(userKey);
                        return openSession(found.get(), epoch);
                    });
        });
    }

    /** A guest login from inside the node (tests, tools): no client address, so no per-address limit. */
    public Future<AuthResult> guest(String deviceId) {
        return guest(deviceId, null);
    }

    /**
     * Logs a device in as a guest, creating the guest account on its first use; creations are limited per client
     * address ({@link GuestLimit}, 429 beyond it).
     */
    public Future<AuthResult> guest(String deviceId, String clientAddress) {
        long epoch = sessions.epoch();
        return store.byDeviceId(deviceId).compose(found -> {
            if (found.isPresent()) {
                return Future.succeededFuture(found.get());
            }
            try {
                if (clientAddress != null) {
                    guestLimit.take(clientAddress);
                }
            } catch (ArenaException.RateLimited e) {
                return Future.failedFuture(e);
            }
            Instant now = now();
            String name = "Guest-" + UUID.randomUUID().toString().substring(0, 6);
            return store.insert(new Account(UUID.randomUUID(), null, name, null, deviceId, Role.PLAYER, true, now))
                    // two first logins of one device raced: the other one created it
                    .recover(e -> e instanceof ArenaException.Conflict
                            ? store.byDeviceId(deviceId).map(Optional::orElseThrow)
                            : Future.failedFuture(e));
        }).compose(a -> openSession(a, epoch));
    }

    /** Exchanges a refresh token for a new access token and a new refresh token (the old one stops working). */
    public Future<AuthResult> refresh(String refreshToken) {
        byte[] oldHash = sha256(refreshToken);
        Instant now = now();
        return store.sessionByRefreshHash(oldHash).compose(found -> {
            if (found.isEmpty() || !found.get().activeAt(now)) {
                return Future.failedFuture(new ArenaException.Unauthorized("refresh token is invalid or expired"));
            }
            Session session = found.get();
            String newRefresh = randomToken();
            return store.rotateRefresh(session.id(), oldHash, sha256(newRefresh), now, now.plus(refreshTtl))
                    .compose(rotated -> rotated
                            ? store.byId(session.playerId()).map(a -> new AuthResult(a.orElseThrow().view(),
                                    tokens.issue(session.playerId(), session.id()), newRefresh,
                                    tokens.ttl().toSeconds()))
                            : Future.failedFuture(new ArenaException.Unauthorized("refresh token was already used")));
        });
    }

    /** Ends this session on every node: its tokens get 401, its sockets close with 4002. */
    public Future<Void> logout(Principal principal) {
        return store.revokeSession(principal.sessionId(), now())
                .compose(v -> revocations.revoke(Revocation.session(principal.playerId(), principal.sessionId())));
    }

    /** Ends every session of the player on every node (sign out everywhere, or an admin's revoke). */
    public Future<Void> revokeAll(UUID playerId) {
        return store.revokeAllSessions(playerId, now())
                .compose(v -> revocations.revoke(Revocation.player(playerId)));
    }

    /** An admin's revoke: every session of an existing player ends (NotFound for an unknown id). */
    public Future<Void> revokeAllOf(UUID playerId) {
        return store.byId(playerId).compose(found -> found.isEmpty()
                ? Future.failedFuture(new ArenaException.NotFound("no player with id " + playerId))
                : revokeAll(playerId));
    }

    /** Sessions read from the database by token checks (cache misses), since start: tests and metrics. */
    public long sessionLoads() {
        return sessionLoads.sum();
    }

    /** How revocations reach every node; the gateway listens to close sockets. */
    public SessionRevocations revocations() {
        return revocations;
    }

    /**
     * Changes with every revocation seen here. A socket upgrade reads it before authenticating and again once the
     * socket is open: a change means a revocation may have run in between, missing the new socket, so it rechecks.
     */
    public long revocationEpoch() {
        return sessions.epoch();
    }

    /**
     * Opens {@code players} synthetic sessions for the start-up warm-up, valid in this node's memory only until the
     * pass is closed (see {@link WarmupPass} for why they can never be accepted afterwards).
     */
    public WarmupPass warmupPass(int players, Duration lifetime) {
        return new WarmupPass(sessions, tokens, players, lifetime, clock);
    }

    /** Resolves a bearer token to its principal: valid signature, not expired, session active. */
    public Future<Principal> authenticate(String token) {
        return authenticateNamed(token).map(Named::principal);
    }

    /** Who a valid token belongs to, with the display name (one query: what a socket needs to open). */
    public record Named(Principal principal, String displayName) {}

    /** Signature and expiry of the token, then the session from memory, or one query on a cache miss. */
    public Future<Named> authenticateNamed(String token) {
        return tokens.verify(token).compose(claims -> {
            SessionCache.Entry cached = sessions.get(claims.sessionId());
            // past its cached expiry the session may have been extended by a refresh: the database decides
            if (cached != null && now().isBefore(cached.sessionExpiresAt())) {
                return named(claims, cached);
            }
            long epoch = sessions.epoch();
            sessionLoads.increment();
            return store.session(claims.sessionId()).compose(found -> {
                if (found.isEmpty() || !found.get().playerId().equals(claims.playerId())) {
                    return Future.failedFuture(new ArenaException.Unauthorized("invalid token"));
                }
                Session s = found.get();
                if (!s.activeAt(now())) {
                    return Future.failedFuture(new ArenaException.Unauthorized("session has ended"));
                }
                SessionCache.Entry entry = new SessionCache.Entry(s.playerId(), s.role(), s.displayName(),
                        s.expiresAt(), clock.millis());
                sessions.put(s.id(), entry, epoch);
                return named(claims, entry);
            });
        });
    }

    private Future<Named> named(TokenService.Claims claims, SessionCache.Entry s) {
        if (!s.playerId().equals(claims.playerId())) {
            return Future.failedFuture(new ArenaException.Unauthorized("invalid token"));
        }
        return Future.succeededFuture(new Named(new Principal(claims.playerId(), claims.sessionId(), s.role()),
                s.displayName()));
    }

    /** Microsecond precision, as PostgreSQL stores it, so a value reads back as it was returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Future<String> hash(String password) {
        return hashing.executeBlocking(() -> hasher.hash(password), false);
    }

    /**
     * Opens a session for an account read after {@code epoch} was taken, and caches it: the new session's first
     * request or socket upgrade then costs no query (a revocation since the read discards the entry).
     */
    private Future<AuthResult> openSession(Account account, long epoch) {
        Instant now = now();
        UUID sessionId = UUID.randomUUID();
        String refresh = randomToken();
        Instant expires = now.plus(refreshTtl);
        return store.insertSession(sessionId, account.id(), sha256(refresh), now, expires)
                .compose(v -> store.touchLogin(account.id(), now))
                .map(v -> {
                    sessions.put(sessionId, new SessionCache.Entry(account.id(), account.role(),
                            account.displayName(), expires, clock.millis()), epoch);
                    return new AuthResult(account.view(), tokens.issue(account.id(), sessionId), refresh,
                            tokens.ttl().toSeconds());
                });
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
