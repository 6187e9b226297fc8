package dev.arena.testing;

import dev.arena.identity.AuthResult;
import dev.arena.identity.Role;
import java.util.UUID;

/**
 * Signed-in accounts for authorisation tests: a guest, or a registered account of any role, each a fresh account
 * with its own session. Guests are made through the identity service (no HTTP: per-address limits on guest creation
 * do not apply to a test's set-up).
 */
public final class Actors {
    private static final String PASSWORD = "actor-password-1";

    private final NodeFixture node;

    public Actors(NodeFixture node) {
        this.node = node;
    }

    /** A signed-in account: {@code username} is null for a guest; {@code refreshToken} for {@code /auth/refresh}. */
    public record Actor(String token, String id, String username, String refreshToken) {
        public Player player() {
            return new Player(token, id);
        }
    }

    /** A new guest account, signed in. */
    public Actor guest() {
        return of(Futures.await(node.arena().identity().guest("device-" + UUID.randomUUID())), null);
    }

    /** A new registered account with this role, signed in. */
    public Actor registered(Role role) {
        String name = role.wire() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Futures.await(node.arena().identity().createPrivileged(name, PASSWORD, role));
        return login(name);
    }

    /** A new session of a registered account. */
    public Actor login(String username) {
        return of(Futures.await(node.arena().identity().login(username, PASSWORD, "127.0.0.1")), username);
    }

    private static Actor of(AuthResult auth, String username) {
        return new Actor(auth.token(), auth.player().id().toString(), username, auth.refreshToken());
    }
}
