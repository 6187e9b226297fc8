package dev.arena.identity;

import dev.arena.testing.SignalContract;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What every {@link SessionRevocations} must do: {@link SignalContract}'s rules, with one revocation of each kind (a
 * session, every session of a player, refresh tokens only) so every field must arrive intact.
 */
public abstract class SessionRevocationsContract extends SignalContract<SessionRevocations, Revocation> {
    @Override
    protected Future<Void> send(SessionRevocations seam, Revocation r) {
        return seam.revoke(r);
    }

    @Override
    protected Runnable listen(SessionRevocations seam, Consumer<Revocation> listener) {
        return seam.listen(listener)::stop;
    }

    @Override
    protected List<Revocation> samples() {
        return List.of(Revocation.session(UUID.randomUUID(), UUID.randomUUID()), Revocation.player(UUID.randomUUID()),
                Revocation.refresh(UUID.randomUUID()));
    }
}
