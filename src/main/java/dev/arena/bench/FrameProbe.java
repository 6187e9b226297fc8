package dev.arena.bench;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads the two things the bench needs from a server frame without building a JSON tree: its {@code type}
 * and, for a {@code room.message}, the send time {@code data.t} the bench put there. At 80,000 deliveries per
 * second on a machine shared with the server, a full parse per frame is load the server pays for. The scan
 * relies on what the bench controls or the protocol fixes: room names and ids hold no quotes, the envelope's
 * {@code type} comes before {@code data}, and {@code data} is the bench's own {@code {"t":..,"n":..}}.
 * Frames the scan cannot read fall back to a real parser.
 */
final class FrameProbe {
    static final long NO_TIME = Long.MIN_VALUE;

    private FrameProbe() {}

    /** The frame's {@code type}, or null when it has none (or is not JSON). */
    static String type(String frame) {
        int key = frame.indexOf("\"type\"");
        if (key >= 0) {
            int i = skipColon(frame, key + 6);
            if (i >= 0 && i < frame.length() && frame.charAt(i) == '"') {
                int end = frame.indexOf('"', i + 1);
                if (end > i && frame.indexOf('\\', i + 1, end) < 0) {
                    return frame.substring(i + 1, end);
                }
            }
        }
        JsonObject json = parse(frame);
        return json == null ? null : json.getString("type");
    }

    /** {@code data.t} of a {@code room.message} frame, or {@link #NO_TIME} when absent. */
    static long sendTime(String frame) {
        int data = frame.indexOf("\"data\"");
        if (data >= 0) {
            int i = skipColon(frame, data + 6);
            if (i >= 0 && i < frame.length() && frame.charAt(i) == '{') {
                int t = frame.indexOf("\"t\"", i);
                int close = frame.indexOf('}', i);
                if (t > i && close > t) {
                    int j = skipColon(frame, t + 3);
                    if (j >= 0) {
                        long value = parseLong(frame, j);
                        if (value != NO_TIME) {
                            return value;
                        }
                    }
                }
            }
        }
        JsonObject json = parse(frame);
        if (json == null) {
            return NO_TIME;
        }
        Object d = json.getValue("data");
        if (d instanceof JsonObject obj && obj.getValue("t") instanceof Number n) {
            return n.longValue();
        }
        return NO_TIME;
    }

    /** The index after optional spaces, a colon and optional spaces, or -1. */
    private static int skipColon(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= n || s.charAt(i) != ':') {
            return -1;
        }
        i++;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** An optionally negative integer ending at a delimiter, or {@link #NO_TIME}. */
    private static long parseLong(String s, int i) {
        int n = s.length();
        boolean negative = i < n && s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long v = 0;
        while (i < n && i - start < 19) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            i++;
        }
        if (i == start || i >= n) {
            return NO_TIME;
        }
        char end = s.charAt(i);
        if (end != ',' && end != '}' && end != ' ') {
            return NO_TIME; // a fraction, an exponent or an overlong number: let the parser decide
        }
        return negative ? -v : v;
    }

    private static JsonObject parse(String frame) {
        try {
            return new JsonObject(frame);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
