package dev.arena.matchmaking.service;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * Whether a player has a gateway socket anywhere: on this node alone ({@code storage.local.LocalPlayerSessions}), or on any live
 * node of the cluster ({@code RedisPlayerSessions}). The disconnect grace asks it when the grace runs out, so a
 * player who left one node but is (or is again) connected to another keeps their tickets.
 */
public interface PlayerSessions {

    /** A socket of the player opened on this node. */
    Future<Void> opened(UUID player);

    /** A socket of the player on this node closed. */
    Future<Void> closed(UUID player);

    /** True when the player has at least one socket open on a live node. */
    Future<Boolean> online(UUID player);
}
