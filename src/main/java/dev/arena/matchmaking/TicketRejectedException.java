package dev.arena.matchmaking;

import java.util.UUID;

/**
 * Why {@link TicketPool#add(Ticket)} refused a ticket. One sealed family so the edge maps each case to a
 * status code exhaustively. These are client mistakes, not server faults, so no stack trace is captured.
 */
public abstract sealed class TicketRejectedException extends RuntimeException {

    private TicketRejectedException(String message) {
        super(message, null, false, false);
    }

    /** The player already has an active ticket in this mode (alone or in a party). */
    public static final class PlayerAlreadyQueued extends TicketRejectedException {
        private final UUID playerId;
        private final String mode;
        private final TicketId existing;

        PlayerAlreadyQueued(UUID playerId, String mode, TicketId existing) {
            super("player " + playerId + " is already queued for " + mode + " on ticket " + existing);
            this.playerId = playerId;
            this.mode = mode;
            this.existing = existing;
        }

        public UUID playerId() {
            return playerId;
        }

        public String mode() {
            return mode;
        }

        public TicketId existing() {
            return existing;
        }
    }

    /** A ticket with this id is already waiting (a retried request, or a client reusing ids). */
    public static final class DuplicateTicketId extends TicketRejectedException {
        private final TicketId ticketId;

        DuplicateTicketId(TicketId ticketId) {
            super("ticket " + ticketId + " is already in the pool");
            this.ticketId = ticketId;
        }

        public TicketId ticketId() {
            return ticketId;
        }
    }

    /** No {@link QueueConfig} for the ticket's mode. */
    public static final class UnknownMode extends TicketRejectedException {
        private final String mode;

        UnknownMode(String mode) {
            super("no matchmaking queue for mode '" + mode + "'");
            this.mode = mode;
        }

        public String mode() {
            return mode;
        }
    }

    /** The party has more members than one team holds, so it could never be placed. */
    public static final class PartyTooLarge extends TicketRejectedException {
        private final int partySize;
        private final int teamSize;

        PartyTooLarge(String mode, int partySize, int teamSize) {
            super("a party of " + partySize + " does not fit a team of " + teamSize + " in " + mode);
            this.partySize = partySize;
            this.teamSize = teamSize;
        }

        public int partySize() {
            return partySize;
        }

        public int teamSize() {
            return teamSize;
        }
    }

    /** The mode matches on a property the ticket does not carry. */
    public static final class MissingProperty extends TicketRejectedException {
        private final String property;

        MissingProperty(String mode, String property) {
            super("mode " + mode + " requires property '" + property + "'");
            this.property = property;
        }

        public String property() {
            return property;
        }
    }
}
