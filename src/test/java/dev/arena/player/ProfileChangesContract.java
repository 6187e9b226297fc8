package dev.arena.player;

import dev.arena.testing.SignalContract;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** What every {@link ProfileChanges} must do: {@link SignalContract}'s rules for "this player's profile changed". */
public abstract class ProfileChangesContract extends SignalContract<ProfileChanges, UUID> {
    @Override
    protected Future<Void> send(ProfileChanges seam, UUID player) {
        return seam.changed(player);
    }

    @Override
    protected Runnable listen(ProfileChanges seam, Consumer<UUID> listener) {
        return seam.listen(listener)::stop;
    }

    @Override
    protected List<UUID> samples() {
        return List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }
}
