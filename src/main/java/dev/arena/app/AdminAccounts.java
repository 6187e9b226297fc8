package dev.arena.app;

import dev.arena.config.ArenaConfig;
import dev.arena.identity.GuestLimit;
import dev.arena.identity.IdentityService;
import dev.arena.identity.LoginThrottle;
import dev.arena.identity.PasswordHasher;
import dev.arena.identity.Player;
import dev.arena.identity.Role;
import dev.arena.identity.TokenService;
import dev.arena.storage.postgres.Migrations;
import dev.arena.storage.postgres.PgAccountStore;
import dev.arena.storage.postgres.PgPools;
import dev.arena.storage.postgres.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * What {@code arena admin} needs and nothing more: the database (migrated) and the identity service over it. No
 * node, so nothing listens, no job runs and no cluster is joined while an account is created.
 */
final class AdminAccounts {
    private AdminAccounts() {}

    /** Creates the account with {@code role}, or raises an existing one (keeping its password). Blocking. */
    static Player ensure(ArenaConfig config, String username, String password, Role role, Clock clock) {
        try (PostgresServer db = PostgresServer.start(config)) {
            Migrations.migrate(db.url());
            Vertx vertx = Vertx.vertx();
            try {
                Pool pool = PgPools.create(vertx, db.url(), 1);
                WorkerExecutor hashing = vertx.createSharedWorkerExecutor("arena-password-hashing", 1);
                // no token is issued here, so a throwaway secret; the data directory's secret stays untouched
                TokenService tokens = new TokenService(vertx, throwawaySecret(), config.tokens().accessTtl(), clock);
                IdentityService identity = new IdentityService(new PgAccountStore(pool), tokens,
                        new PasswordHasher(), hashing, new LoginThrottle(clock),
                        GuestLimit.of(config.http().guestLimit(), clock), config.tokens().refreshTtl(), clock,
                        new dev.arena.storage.local.LocalSessionRevocations());
                return Wiring.await(identity.createPrivileged(username, password, role));
            } finally {
                Wiring.await(vertx.close());
            }
        }
    }

    private static String throwawaySecret() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
