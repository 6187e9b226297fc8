package dev.arena.player;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/** A player's global rank (1 = best). {@link #UNRANKED} until leaderboards exist. */
public interface RankSource {
    RankSource UNRANKED = new RankSource() {
        @Override
        public Future<Optional<Long>> rank(UUID playerId) {
            return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Optional<Long>> rankIn(String mode, UUID playerId) {
            return Future.succeededFuture(Optional.empty());
        }
    };

    /** The rank in the player's most played mode. */
    Future<Optional<Long>> rank(UUID playerId);

    /** The rank in {@code mode}'s global board, when the caller already knows the mode (no rating read). */
    Future<Optional<Long>> rankIn(String mode, UUID playerId);
}
