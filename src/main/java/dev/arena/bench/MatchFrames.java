package dev.arena.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code match.event} frame with a streaming parser, keeping only the fields the bench's bots use: the
 * events, and of the input acknowledgements ({@code acks}) only the reader's own. Two thousand simulated players
 * receive 40,000 frames a second; building a JSON tree for each would cost the machine the server shares.
 */
final class MatchFrames {
    private static final JsonFactory JSON = new JsonFactory();

    /** One event of a frame; fields absent from it are null. */
    record Event(String type, String player, String attacker, String by, Integer x, Integer y, Boolean blocking,
                 Boolean alive) {}

    /**
     * @param tick -1 when the frame had none
     * @param ack  the reader's acknowledged {@code seq}, -1 when the frame acknowledges none of its inputs
     */
    record Frame(long tick, List<Event> events, long ack) {
        Frame(long tick, List<Event> events) {
            this(tick, events, -1);
        }
    }

    private MatchFrames() {}

    /**
     * @param me the reader's player id, whose acknowledgement it keeps
     * @throws IllegalArgumentException when the frame is not a JSON object
     */
    static Frame read(String text, String me) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            long tick = -1;
            long ack = -1;
            List<Event> events = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("tick") && v == JsonToken.VALUE_NUMBER_INT) {
                    tick = p.getLongValue();
                } else if (name.equals("events") && v == JsonToken.START_ARRAY) {
                    events = events(p);
                } else if (name.equals("acks") && v == JsonToken.START_OBJECT) {
                    ack = ack(p, me);
                } else {
                    p.skipChildren();
                }
            }
            return new Frame(tick, events, ack);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable frame: " + e.getMessage(), e);
        }
    }

    /** The value of {@code me} in the {@code acks} object the parser is at, -1 when it is not there. */
    private static long ack(JsonParser p, String me) throws IOException {
        long ack = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean mine = p.currentName().equals(me);
            JsonToken v = p.nextToken();
            if (mine && v == JsonToken.VALUE_NUMBER_INT) {
                ack = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        return ack;
    }

    private static List<Event> events(JsonParser p) throws IOException {
        List<Event> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String type = null;
            String player = null;
            String attacker = null;
            String by = null;
            Integer x = null;
            Integer y = null;
            Boolean blocking = null;
            Boolean alive = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "type" -> type = p.getValueAsString();
                    case "player" -> player = p.getValueAsString();
                    case "attacker" -> attacker = p.getValueAsString();
                    case "by" -> by = p.getValueAsString();
                    case "x" -> x = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "y" -> y = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "blocking" -> blocking = v.isBoolean() ? p.getBooleanValue() : null;
                    case "alive" -> alive = v.isBoolean() ? p.getBooleanValue() : null;
                    default -> p.skipChildren();
                }
            }
            out.add(new Event(type, player, attacker, by, x, y, blocking, alive));
        }
        return out;
    }
}
