package dev.arena.matchmaking.service;

import dev.arena.common.Json;
import java.util.List;
import java.util.UUID;

/** The frames matchmaking pushes to players' sockets (docs/PROTOCOL.md), each serialised once per player. */
final class Frames {
    private Frames() {}

    /** {@code mm.matched}: the game was created and the player seated in it; {@code node} runs the game. */
    record Matched(String type, UUID gameId, String mode, String node, UUID ticketId, List<UUID> players,
                   List<List<UUID>> teams, double ratingSpread) {}

    /** {@code mm.ticket}: a ticket of the player changed without the player asking (or a party member asked). */
    record TicketChanged(String type, TicketView ticket) {}

    /** {@code party.*}: a party changed ({@code event} says how), or the player was invited. */
    record PartyChanged(String type, String event, UUID player, PartyView party) {}

    static String matched(UUID game, String mode, String node, UUID ticket, List<UUID> players,
                          List<List<UUID>> teams, double spread) {
        return Json.encodeToString(new Matched("mm.matched", game, mode, node, ticket, players, teams, spread));
    }

    static String ticket(TicketRecord r) {
        return Json.encodeToString(new TicketChanged("mm.ticket", TicketView.of(r)));
    }

    static String party(String type, String event, UUID player, PartyView party) {
        return Json.encodeToString(new PartyChanged(type, event, player, party));
    }
}
