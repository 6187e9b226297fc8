package dev.arena.gateway.ws;

import dev.arena.lobby.Lobby;
import dev.arena.match.InputAck;
import dev.arena.match.MalformedInput;
import dev.arena.match.MatchCodes;
import dev.arena.match.MatchId;
import dev.arena.matchmaking.TicketId;
import dev.arena.room.Rooms;
import dev.arena.common.JsonText;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns one text frame into a {@link ClientMessage}, or a {@link ProtocolError} saying exactly what is wrong. */
final class MessageDecoder {
    static final int MAX_RID_LENGTH = 64;
    static final int MAX_CHAT_INPUT = 4000;
    private static final Pattern MODE = Pattern.compile("[a-z0-9_]{1,32}");

    private MessageDecoder() {}

    static JsonObject parse(String text) {
        if (!(parseAny(text) instanceof JsonObject o)) {
            throw new ProtocolError("bad_json", "the frame must be a JSON object", null, true);
        }
        // nothing PostgreSQL cannot store may reach a store (chat, relayed inputs, results): see common.JsonText
        var flaw = JsonText.unstorable(o);
        if (flaw.isPresent()) {
            throw ProtocolError.bad(rid(o), flaw.get().path() + ": " + flaw.get().reason());
        }
        return o;
    }

    /** Any JSON value, within the client limits of {@link dev.arena.common.Json#CLIENT}. */
    static Object parseAny(String text) {
        try {
            return dev.arena.common.Json.parse(text);
        } catch (dev.arena.common.Json.Unreadable e) {
            throw new ProtocolError("bad_json", e.limit() ? "the frame is refused: " + e.getMessage()
                    : "the frame is not valid JSON", null, true);
        }
    }

    static ClientMessage decode(JsonObject o) {
        Object rid = rid(o);
        Object type = o.getValue("type");
        if (!(type instanceof String t)) {
            throw ProtocolError.bad(rid, "type: must be a string");
        }
        return switch (t) {
            case "ping" -> new ClientMessage.Ping(rid);
            case "room.join" -> new ClientMessage.RoomJoin(rid, room(o, rid), optionalSeq(o, rid));
            case "room.leave" -> new ClientMessage.RoomLeave(rid, room(o, rid));
            case "room.send" -> {
                if (!o.containsKey("data")) {
                    throw ProtocolError.bad(rid, "data: is required");
                }
                yield new ClientMessage.RoomSend(rid, room(o, rid), Json.encode(o.getValue("data")));
            }
            case "chat.send" -> new ClientMessage.ChatSend(rid, room(o, rid), text(o, "message", rid));
            case "chat.history" -> new ClientMessage.ChatHistory(rid, room(o, rid), optionalLong(o, "before", rid),
                    limit(o, rid));
            case "dm.send" -> new ClientMessage.DirectSend(rid, uuid(o, "to", rid), text(o, "message", rid));
            case "presence.list" -> new ClientMessage.PresenceList(rid, room(o, rid),
                    bounded(o, "offset", 0, 0, Integer.MAX_VALUE, rid), bounded(o, "limit", 100, 1, 1000, rid));
            case "match.join" -> new ClientMessage.MatchJoin(rid, matchId(o, rid));
            case "match.spectate" -> new ClientMessage.MatchSpectate(rid, matchId(o, rid));
            case "match.leave" -> new ClientMessage.MatchLeave(rid, matchId(o, rid));
            case "match.ready" -> {
                MatchId match = matchId(o, rid);
                if (!(o.getValue("ready") instanceof Boolean ready)) {
                    throw ProtocolError.bad(rid, "ready: must be a boolean");
                }
                yield new ClientMessage.MatchReady(rid, match, ready);
            }
            case "lobby.subscribe" -> new ClientMessage.LobbySubscribe(rid,
                    optionalName(o, "mode", MODE, "1-32 of a-z 0-9 _", rid),
                    optionalName(o, "region", Lobby.REGION, Lobby.REGION_RULE, rid), optionalBoolean(o, "live", rid));
            case "lobby.unsubscribe" -> new ClientMessage.LobbyUnsubscribe(rid);
            case "match.input" -> {
                MatchId match = matchId(o, rid);
                if (!(o.getValue("input") instanceof JsonObject input)) {
                    throw ProtocolError.bad(rid, "input: must be a JSON object");
                }
                yield new ClientMessage.MatchInput(rid, match, input.getMap(), inputSeq(o, rid));
            }
            case "mm.enqueue" -> new ClientMessage.MmEnqueue(rid, o.getValue("mode"), o.getValue("party_id"),
                    o.getValue("properties") instanceof JsonObject props ? props.getMap() : o.getValue("properties"));
            case "mm.cancel" -> new ClientMessage.MmCancel(rid, new TicketId(uuid(o, "ticket_id", rid)));
            default -> throw new ProtocolError("unknown_type", "unknown message type '" + abbreviate(t) + "'", rid,
                    true);
        };
    }

    private static Object rid(JsonObject o) {
        Object rid = o.getValue("rid");
        if (validRid(rid)) {
            return rid;
        }
        throw ProtocolError.bad(null, "rid: must be a string of at most " + MAX_RID_LENGTH
                + " characters or an integer");
    }

    /** A request id as a client may give it: none, a short string or an integer (an int or a long as read). */
    static boolean validRid(Object rid) {
        return rid == null || rid instanceof String s && s.length() <= MAX_RID_LENGTH
                || rid instanceof Integer || rid instanceof Long;
    }

    private static String room(JsonObject o, Object rid) {
        Object v = o.getValue("room");
        if (!(v instanceof String s)) {
            throw ProtocolError.bad(rid, "room: must be a string");
        }
        if (!Rooms.valid(s)) {
            throw ProtocolError.bad(rid, "room: " + Rooms.NAME_RULE);
        }
        return s;
    }

    private static String text(JsonObject o, String field, Object rid) {
        Object v = o.getValue(field);
        if (!(v instanceof String s)) {
            throw ProtocolError.bad(rid, field + ": must be a string");
        }
        if (s.length() > MAX_CHAT_INPUT) {
            throw ProtocolError.bad(rid, field + ": is too long");
        }
        return s;
    }

    private static String optionalName(JsonObject o, String field, Pattern pattern, String rule, Object rid) {
        Object v = o.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || !pattern.matcher(s).matches()) {
            throw ProtocolError.bad(rid, field + ": " + rule);
        }
        return s;
    }

    private static MatchId matchId(JsonObject o, Object rid) {
        Object v = o.getValue("game_id");
        if (v instanceof String s && s.length() == 36) {
            try {
                return new MatchId(UUID.fromString(s));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ProtocolError.bad(rid, "game_id: must be a game id (UUID)");
    }

    private static UUID uuid(JsonObject o, String field, Object rid) {
        Object v = o.getValue(field);
        if (v instanceof String s && s.length() == 36) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ProtocolError.bad(rid, field + ": must be a player id (UUID)");
    }

    /** An absent field is false. */
    private static boolean optionalBoolean(JsonObject o, String field, Object rid) {
        Object v = o.getValue(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw ProtocolError.bad(rid, field + ": must be a boolean");
        }
        return b;
    }

    /** A match input's optional {@code seq}: refused with the match's own {@code malformed}, as a bad input is. */
    private static long inputSeq(JsonObject o, Object rid) {
        try {
            return InputAck.seq(o.getValue("seq"));
        } catch (MalformedInput e) {
            throw new ProtocolError(MatchCodes.MALFORMED, e.getMessage(), rid, false);
        }
    }

    private static Long optionalSeq(JsonObject o, Object rid) {
        Long v = optionalLong(o, "last_seq", rid);
        if (v != null && v < 0) {
            throw ProtocolError.bad(rid, "last_seq: must not be negative");
        }
        return v;
    }

    private static Long optionalLong(JsonObject o, String field, Object rid) {
        Object v = o.getValue(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw ProtocolError.bad(rid, field + ": must be an integer");
    }

    private static int limit(JsonObject o, Object rid) {
        return bounded(o, "limit", 50, 1, 100, rid);
    }

    private static int bounded(JsonObject o, String field, int fallback, int min, int max, Object rid) {
        Long v = optionalLong(o, field, rid);
        if (v == null) {
            return fallback;
        }
        if (v < min || v > max) {
            throw ProtocolError.bad(rid, field + ": must be between " + min + " and " + max);
        }
        return v.intValue();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
