package dev.arena.presence;

import java.util.UUID;

/**
 * Told when a player's gateway socket opens or closes on this node (called on the socket's event loop; must not
 * block). Matchmaking uses it to cancel the tickets of players who left.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() {
        @Override
        public void opened(UUID player) {}

        @Override
        public void closed(UUID player) {}
    };

    void opened(UUID player);

    void closed(UUID player);
}
