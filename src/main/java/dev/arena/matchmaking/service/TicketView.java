package dev.arena.matchmaking.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arena.common.Json;
import dev.arena.matchmaking.QueuedPlayer;
import dev.arena.matchmaking.PartyId;
import dev.arena.matchmaking.Ticket;
import dev.arena.matchmaking.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A ticket on the wire ({@code 201} of {@code POST /matchmaking/tickets}, {@code mm.ticket}) and in Redis: one
 * format, so a node reads what another wrote exactly as a client sees it.
 */
public record TicketView(UUID ticketId, String mode, String status, UUID owner, UUID partyId,
                         List<MemberView> members, Map<String, String> properties, Instant createdAt, UUID gameId,
                         String gameNode, String reason) {

    /** A player on the ticket with the rating it was queued with. */
    public record MemberView(UUID playerId, double rating, double deviation) {}

    public static TicketView of(TicketRecord r) {
        Ticket t = r.ticket();
        return new TicketView(t.id().value(), t.mode(), r.status().wire(), r.owner(),
                t.partyId().map(PartyId::value).orElse(null),
                t.members().stream().map(m -> new MemberView(m.playerId(), m.rating(), m.deviation())).toList(),
                t.properties(), t.createdAt(), r.gameId(), r.gameNode(), r.reason());
    }

    public TicketRecord toRecord() {
        Ticket t = new Ticket(new TicketId(ticketId), mode,
                members.stream().map(m -> new QueuedPlayer(m.playerId(), m.rating(), m.deviation())).toList(),
                Optional.ofNullable(partyId).map(PartyId::new), properties, createdAt);
        return new TicketRecord(t, owner, TicketStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)), gameId,
                gameNode, reason);
    }

    public static String encode(TicketRecord r) {
        return Json.encodeToString(of(r));
    }

    public static TicketRecord decode(String json) {
        try {
            return Json.MAPPER.readValue(json, TicketView.class).toRecord();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored ticket: " + e.getOriginalMessage(), e);
        }
    }
}
