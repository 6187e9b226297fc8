package dev.arena.app;

import static dev.arena.app.Wiring.await;

import dev.arena.cluster.Backplane;
import dev.arena.config.ArenaConfig;
import dev.arena.identity.AccountStore;
import dev.arena.identity.GuestLimit;
import dev.arena.identity.IdentityService;
import dev.arena.identity.LoginThrottle;
import dev.arena.identity.PasswordHasher;
import dev.arena.identity.SessionRevocations;
import dev.arena.identity.TokenService;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Accounts and sessions (docs/SECURITY.md): tokens signed with the node's secret, passwords hashed on their own
 * bounded worker pool, sessions checked in memory and revoked on every node through the backplane.
 */
final class IdentityWiring {
    final IdentityService identity;
    /** Chat moderation and the player service revoke sessions too (a ban, a role change, a deletion). */
    final SessionRevocations revocations;

    IdentityWiring(ArenaConfig config, Vertx vertx, AccountStore accounts, Backplane backplane, Clock clock) {
        // Argon2 is CPU- and memory-heavy: at most one hash per core at a time, the rest wait their turn.
        WorkerExecutor hashing = vertx.createSharedWorkerExecutor("arena-password-hashing",
                Runtime.getRuntime().availableProcessors(), 60, TimeUnit.SECONDS);
        TokenService tokens = new TokenService(vertx, TokenSecret.resolve(config), config.tokens().previous(),
                config.tokens().accessTtl(), clock);
        // sessions are checked in memory; their revocations reach every node (in-process, or Redis pub/sub)
        revocations = await(backplane.sessionRevocations());
        identity = new IdentityService(accounts, tokens, new PasswordHasher(), hashing, new LoginThrottle(clock),
                GuestLimit.of(config.http().guestLimit(), clock), config.tokens().refreshTtl(), clock, revocations);
    }
}
