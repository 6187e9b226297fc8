package dev.arena.chat;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * Who is banned or muted, answered from memory: every post asks, so the answer must not cost a query.
 *
 * <p>Contract: {@link #get} reflects every change made through {@link ChatModeration} on this node once that
 * call has completed (it invalidates before answering). On a cluster each node holds its own copy; a change
 * made on another node reaches this one when something calls {@link #invalidate} here. The Redis work will do
 * that by publishing the player id of every change and invalidating on each node that receives it; until then
 * a change on one node is seen by the others at their next start.
 */
public interface ModerationCache {

    /** The player's restrictions as last loaded; may include mutes that have since run out. Never blocks. */
    ModerationStatus get(UUID playerId);

    /** Reloads one player's restrictions from the store. */
    Future<Void> invalidate(UUID playerId);
}
