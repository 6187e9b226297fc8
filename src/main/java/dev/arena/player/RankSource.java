package dev.arena.player;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/** A player's global rank (1 = best). {@link #UNRANKED} until leaderboards exist. */
public interface RankSource {
    RankSource UNRANKED = playerId -> Future.succeededFuture(Optional.empty());

    Future<Optional<Long>> rank(UUID playerId);
}
