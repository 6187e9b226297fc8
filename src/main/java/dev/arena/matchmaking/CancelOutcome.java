package dev.arena.matchmaking;

import java.util.Objects;

/**
 * What {@link TicketPool#cancel(TicketId)} found. Cancelling is idempotent and never throws: a cancel that
 * loses the race against {@link TicketPool#process} learns which proposal took the ticket, so the caller
 * can decline the match instead of silently leaving the other players waiting for someone who left.
 */
public sealed interface CancelOutcome {

    TicketId ticketId();

    /** The ticket was waiting and has now left the pool. */
    record Cancelled(Ticket ticket) implements CancelOutcome {
        public Cancelled {
            Objects.requireNonNull(ticket, "ticket");
        }

        @Override
        public TicketId ticketId() {
            return ticket.id();
        }
    }

    /** The ticket had already been cancelled; nothing changed. */
    record AlreadyCancelled(TicketId ticketId) implements CancelOutcome {
        public AlreadyCancelled {
            Objects.requireNonNull(ticketId, "ticketId");
        }
    }

    /** A proposal took the ticket before the cancel arrived. */
    record AlreadyMatched(TicketId ticketId, MatchProposal proposal) implements CancelOutcome {
        public AlreadyMatched {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** Never seen, or finished longer ago than the pool remembers outcomes. */
    record Unknown(TicketId ticketId) implements CancelOutcome {
        public Unknown {
            Objects.requireNonNull(ticketId, "ticketId");
        }
    }
}
