package dev.arena.gateway.ws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arena.common.Json;
import dev.arena.common.JsonText;
import dev.arena.room.Rooms;
import java.io.IOException;

/**
 * The fast path of the commonest frame, {@code room.send}: one streaming pass that checks the frame as
 * {@link MessageDecoder#parse} and {@link MessageDecoder#decode} would, and keeps {@code data} as the client wrote
 * it. The general path builds a JsonObject and writes {@code data} out again: with 2,000 clients in rooms of 4 that
 * was 9 % of the server's CPU.
 *
 * <p>Whatever it is not sure of (another type, a field other than type, rid, room and data, a field name twice at
 * any depth, a value PostgreSQL could not store, bad JSON) gives null, and the frame takes the general path, which
 * names the fault or, for a repeated name, keeps the last value. So the two paths differ only in the text of a
 * valid {@code data}: the client's spacing and numbers as written ({@code 1.50} stays {@code 1.50}, and a number
 * a double would round is not rounded).
 */
final class RoomSendReader {
    private RoomSendReader() {}

    /** Not a rid the general path accepts. */
    private static final Object NOT_A_RID = new Object();

    /** The frame as a {@code room.send}, or null when the general path must decide. */
    static ClientMessage.RoomSend read(String text) {
        if (!text.contains("\"room.send\"")) {
            return null; // other frames pay one scan, not a parser (a type written with escapes goes the general way)
        }
        try (JsonParser p = Json.CLIENT.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            // a repeated name is left to the general path, which keeps the last value; the four names here are
            // checked by hand (Jackson's check would allocate a set for the third), those inside data by Jackson
            boolean typed = false;
            boolean ridSeen = false;
            Object rid = null;
            String room = null;
            String data = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "type" -> {
                        if (typed || v != JsonToken.VALUE_STRING || !"room.send".equals(p.getText())) {
                            return null;
                        }
                        typed = true;
                    }
                    case "rid" -> {
                        if (ridSeen) {
                            return null;
                        }
                        ridSeen = true;
                        rid = rid(p, v);
                        if (rid == NOT_A_RID) {
                            return null;
                        }
                    }
                    case "room" -> {
                        if (room != null || v != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        room = p.getText();
                        if (!Rooms.valid(room)) {
                            return null;
                        }
                    }
                    case "data" -> {
                        if (data != null) {
                            return null;
                        }
                        data = raw(p, v, text);
                        if (data == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || !typed || room == null || data == null) {
                return null;
            }
            return new ClientMessage.RoomSend(rid, room, data);
        } catch (IOException | RuntimeException e) {
            return null; // bad JSON, a broken limit or a repeated name: the general path decides
        }
    }

    /** The rid as {@link MessageDecoder#validRid} accepts it, else NOT_A_RID. */
    private static Object rid(JsonParser p, JsonToken v) throws IOException {
        Object rid = switch (v) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue(); // Integer, Long or BigInteger, as the general path reads it
            default -> NOT_A_RID;
        };
        if (rid instanceof String s && !JsonText.storable(s)) {
            return NOT_A_RID;
        }
        return MessageDecoder.validRid(rid) ? rid : NOT_A_RID; // NOT_A_RID is not valid either
    }

    /**
     * The text of the value starting at the current token, read through to its end; null if it holds something
     * PostgreSQL could not store (the general path refuses those, wherever they are in the frame).
     */
    private static String raw(JsonParser p, JsonToken v, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        // from here on Jackson refuses a name twice in one object: enabled now, the check starts at data's own
        // context (Jackson attaches it to the current one) and is not applied to the frame's top level
        p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        int depth = 0;
        for (JsonToken t = v; ; t = p.nextToken()) {
            if (t == null) {
                return null;
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    if (!JsonText.storable(p.currentName())) {
                        return null;
                    }
                }
                case VALUE_STRING -> {
                    if (!JsonText.storable(p.getText())) {
                        return null;
                    }
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (!Double.isFinite(p.getDoubleValue())) {
                        return null;
                    }
                }
                default -> { }
            }
            if (depth == 0) {
                break;
            }
        }
        // A string's end is known only once it is read (Jackson reads strings lazily): a scalar data is finished
        // here, so the parser stands just past the value whatever it is.
        p.finishToken();
        int end = (int) p.currentLocation().getCharOffset();
        return text.substring(start, end);
    }
}
