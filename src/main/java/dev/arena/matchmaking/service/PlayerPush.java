package dev.arena.matchmaking.service;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * Delivers a gateway frame to every socket of a player, on whichever node they are connected (the node wires it to
 * the player's private room, the path direct messages take across nodes). Players not connected miss it: what the
 * frame says can also be read over HTTP.
 */
@FunctionalInterface
public interface PlayerPush {
    Future<Void> push(UUID player, String frame);
}
