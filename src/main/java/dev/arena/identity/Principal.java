package dev.arena.identity;

import dev.arena.common.ArenaException;
import java.util.UUID;

/** Who made a request, established from a valid, unrevoked access token. The role is read fresh per request. */
public record Principal(UUID playerId, UUID sessionId, Role role) {

    public void require(Role needed) {
        if (!role.atLeast(needed)) {
            throw new ArenaException.Forbidden("requires the " + needed.wire() + " role");
        }
    }
}
