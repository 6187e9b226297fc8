package dev.arena.storage.redis;

import dev.arena.presence.Member;
import dev.arena.room.RoomEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * The wire format of room events between nodes: {@code <seq>|<json>}. The JSON carries every field of the event
 * (the member's node included, which clients never see); the sequence number is outside it because the append
 * script sets it, by prefixing the number to the payload it was given. Unnumbered events (presence, direct
 * messages, notices) travel as {@code 0|<json>}.
 *
 * <p>Each event kind has a one-letter tag {@code k}; an unknown tag (a newer node in a rolling upgrade) is
 * rejected with {@link IllegalArgumentException}, which the caller logs and skips.
 */
public final class RoomEventCodec {
    private RoomEventCodec() {}

    /** The event's JSON, without its sequence number. */
    public static String payload(RoomEvent event) {
        JsonObject o = new JsonObject().put("room", event.room()).put("s", event.ts().getEpochSecond())
                .put("n", event.ts().getNano());
        switch (event) {
            case RoomEvent.Message m -> o.put("k", "m").put("from", m.from().toString()).put("data", m.data());
            case RoomEvent.Chat c -> o.put("k", "c").put("id", c.id()).put("from", c.from().toString())
                    .put("name", c.displayName()).put("text", c.message());
            case RoomEvent.Presence p -> o.put("k", "p").put("joined", p.joined()).put("member", member(p.member()));
            case RoomEvent.Direct d -> o.put("k", "d").put("id", d.id()).put("from", d.from().toString())
                    .put("to", d.to().toString()).put("text", d.message());
            case RoomEvent.Notice x -> o.put("k", "x").put("frame", x.frame());
        }
        return o.encode();
    }

    /** {@code <seq>|<payload>} as published and kept. */
    public static String encode(RoomEvent event) {
        return event.seq() + "|" + payload(event);
    }

    public static RoomEvent decode(String wire) {
        int bar = wire.indexOf('|');
        if (bar <= 0) {
            throw new IllegalArgumentException("not a room event: no sequence prefix");
        }
        long seq = Long.parseLong(wire, 0, bar, 10);
        JsonObject o = new JsonObject(wire.substring(bar + 1));
        String room = o.getString("room");
        Instant ts = Instant.ofEpochSecond(o.getLong("s"), o.getInteger("n"));
        String kind = o.getString("k");
        return switch (kind == null ? "" : kind) {
            case "m" -> new RoomEvent.Message(room, seq, uuid(o, "from"), o.getString("data"), ts);
            case "c" -> new RoomEvent.Chat(room, seq, o.getLong("id"), uuid(o, "from"), o.getString("name"),
                    o.getString("text"), ts);
            case "p" -> new RoomEvent.Presence(room, o.getBoolean("joined"), member(o.getJsonObject("member")), ts);
            case "d" -> new RoomEvent.Direct(room, o.getLong("id"), uuid(o, "from"), uuid(o, "to"),
                    o.getString("text"), ts);
            case "x" -> new RoomEvent.Notice(room, o.getString("frame"), ts);
            default -> throw new IllegalArgumentException("unknown room event kind '" + kind + "'");
        };
    }

    /** A presence member with its node (the JSON clients see leaves the node out). */
    static JsonObject member(Member m) {
        return new JsonObject().put("user_id", m.userId().toString()).put("display_name", m.displayName())
                .put("session_id", m.sessionId().toString()).put("node", m.node());
    }

    static Member member(JsonObject o) {
        return new Member(uuid(o, "user_id"), o.getString("display_name"), uuid(o, "session_id"), o.getString("node"));
    }

    private static UUID uuid(JsonObject o, String field) {
        return UUID.fromString(o.getString(field));
    }
}
