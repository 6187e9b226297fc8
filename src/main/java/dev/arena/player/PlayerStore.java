package dev.arena.player;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Player aggregates in storage. */
public interface PlayerStore {

    /** Counts and level; {@code ratings} empty (the {@link PlayerService} adds them). */
    Future<Optional<PlayerStats>> stats(UUID playerId);

    /**
     * A profile without its rank, read in one query (account, counts, every mode's rating, the {@code recent} latest
     * games); empty when the player or their stats row does not exist.
     */
    Future<Optional<Profile>> profile(UUID playerId, int recent);

    /**
     * Counts one game's results into the players' stats, once: a second call for the same game changes nothing.
     *
     * @param outcomes player to {@code win}, {@code loss} or {@code draw}
     */
    Future<Void> countOnce(UUID gameId, Map<UUID, String> outcomes, Instant now);
}
