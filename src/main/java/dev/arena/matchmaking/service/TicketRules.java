package dev.arena.matchmaking.service;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.TicketId;
import java.util.UUID;

/** The domain errors of the ticket service, named once so both stores and the service say the same. */
public final class TicketRules {
    private TicketRules() {}

    public static ArenaException alreadyQueued(UUID player, String mode, TicketId held) {
        return new ArenaException.Conflict("player " + player + " already holds waiting ticket " + held + " in mode "
                + mode + "; cancel it first");
    }

    static ArenaException notFound(TicketId id) {
        // A ticket of someone else is reported as unknown: ticket ids are not for probing.
        return new ArenaException.NotFound("no ticket " + id);
    }
}
