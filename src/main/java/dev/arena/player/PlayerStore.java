package dev.arena.player;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/** Player aggregates in storage. */
public interface PlayerStore {
    Future<Optional<PlayerStats>> stats(UUID playerId);
}
