package dev.arena.player;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/**
 * Where a profile's recent games come from. The match pipeline provides the real one; a node without it
 * (this version records no matches yet) uses {@link #NONE}, which honestly answers "no games".
 */
public interface MatchHistory {
    MatchHistory NONE = (playerId, limit) -> Future.succeededFuture(List.of());

    Future<List<RecentMatch>> recent(UUID playerId, int limit);
}
