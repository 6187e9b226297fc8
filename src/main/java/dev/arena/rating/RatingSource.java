package dev.arena.rating;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Players' current Glicko-2 ratings in one mode (matchmaking windows, tournament seeding). */
public interface RatingSource {

    /** Everyone unrated: for nodes and tests without stored ratings. */
    RatingSource UNRATED = (mode, players) -> {
        Map<UUID, Rating> out = new java.util.LinkedHashMap<>();
        players.forEach(p -> out.put(p, Rating.UNRATED));
        return Future.succeededFuture(out);
    };

    /** A rating for every requested player; {@link Rating#UNRATED} for those who never played the mode. */
    Future<Map<UUID, Rating>> ratings(String mode, Collection<UUID> players);
}
