package dev.arena.gateway.ws;

import dev.arena.match.MatchId;
import dev.arena.matchmaking.TicketId;
import java.util.Map;
import java.util.UUID;

/** Everything a client may send on {@code /ws}. {@code rid} is the client's request id (null when absent). */
sealed interface ClientMessage {
    Object rid();

    record Ping(Object rid) implements ClientMessage {}

    record RoomJoin(Object rid, String room, Long lastSeq) implements ClientMessage {}

    record RoomLeave(Object rid, String room) implements ClientMessage {}

    /** {@code data} is the raw JSON text of the payload, re-encoded once from the parsed frame. */
    record RoomSend(Object rid, String room, String data) implements ClientMessage {}

    record ChatSend(Object rid, String room, String message) implements ClientMessage {}

    record ChatHistory(Object rid, String room, Long before, int limit) implements ClientMessage {}

    record DirectSend(Object rid, UUID to, String message) implements ClientMessage {}

    record PresenceList(Object rid, String room, int offset, int limit) implements ClientMessage {}

    record MatchJoin(Object rid, MatchId gameId) implements ClientMessage {}

    record MatchSpectate(Object rid, MatchId gameId) implements ClientMessage {}

    /**
     * {@code input} is the input's JSON object, decoded by the game's rules; {@code seq} the client's number for it
     * ({@link dev.arena.match.InputAck}), {@link dev.arena.match.InputAck#NONE} when it has none.
     */
    record MatchInput(Object rid, MatchId gameId, Map<String, Object> input, long seq) implements ClientMessage {}

    record MatchLeave(Object rid, MatchId gameId) implements ClientMessage {}

    record MatchReady(Object rid, MatchId gameId, boolean ready) implements ClientMessage {}

    /**
     * {@code mode} and {@code region} filter the changes (null for all); {@code live}: also the live matches (every
     * running match anyone may watch), not only the open games.
     */
    record LobbySubscribe(Object rid, String mode, String region, boolean live) implements ClientMessage {}

    record LobbyUnsubscribe(Object rid) implements ClientMessage {}

    /** {@code mode}, {@code party_id} and {@code properties} as sent: matchmaking validates them (every field). */
    record MmEnqueue(Object rid, Object mode, Object partyId, Object properties) implements ClientMessage {}

    record MmCancel(Object rid, TicketId ticketId) implements ClientMessage {}
}
