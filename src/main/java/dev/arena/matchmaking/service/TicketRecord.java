package dev.arena.matchmaking.service;

import dev.arena.matchmaking.QueuedPlayer;
import dev.arena.matchmaking.Ticket;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket as the {@link TicketStore} keeps it: the pool's {@link Ticket} (members carry the ratings read at queue
 * time), who asked, and what became of it.
 *
 * @param owner    the player who queued it (the party leader for a party ticket)
 * @param gameId   the game formed for it, once matched and created (null before)
 * @param gameNode the node running that game (games live on the node that created them)
 * @param reason   why it was cancelled: {@code player}, {@code disconnected}, {@code matched_elsewhere},
 *                 {@code party_changed}, {@code launch_failed}; null otherwise
 */
public record TicketRecord(Ticket ticket, UUID owner, TicketStatus status, UUID gameId, String gameNode,
                           String reason) {

    public TicketRecord {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
    }

    public static TicketRecord waiting(Ticket ticket, UUID owner) {
        return new TicketRecord(ticket, owner, TicketStatus.WAITING, null, null, null);
    }

    public List<UUID> players() {
        return ticket.members().stream().map(QueuedPlayer::playerId).toList();
    }

    public boolean involves(UUID player) {
        return players().contains(player);
    }

    public TicketRecord cancelled(String why) {
        return new TicketRecord(ticket, owner, TicketStatus.CANCELLED, null, null, why);
    }

    public TicketRecord matched(UUID game, String node) {
        return new TicketRecord(ticket, owner, TicketStatus.MATCHED, game, node, null);
    }
}
