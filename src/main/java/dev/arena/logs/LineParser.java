package dev.arena.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one NDJSON line into a {@link LogEvent}, or says why it is a bad line. The common shape is read by
 * {@link FieldScanner} (by hand, about three times cheaper); whatever it is not sure of is read with Jackson's
 * streaming parser (no tree, no data binding), which decides what is valid and gives every bad line's reason. The rules (docs/LOGS.md): {@code ts} ISO-8601 with an offset or {@code Z};
 * {@code game_id} and {@code player_id} 1-64 characters, {@code mode} 1-32, {@code type} 1-32 of {@code [a-z_]};
 * {@code value} a number (1 when absent); an optional {@code data} object of at most 4 KB, kept as sent; other
 * fields ignored. One parser per reading thread: it is not thread-safe.
 */
public final class LineParser {
    public static final int MAX_DATA_BYTES = 4096;
    /** The client-JSON limits (common.Json): nesting, number and string sizes. */
    private final JsonFactory factory = dev.arena.common.Json.CLIENT;
    private final StringCache ids = new StringCache();
    private final FieldScanner scanner = new FieldScanner(ids);

    public LogEvent parse(byte[] buf, int off, int len) throws BadLine {
        LogEvent e = scanner.scan(buf, off, len);
        return e != null ? e : parseWithJackson(buf, off, len);
    }

    /** Jackson's reading: the reference for what a valid line is; tests compare the scanner with it. */
    LogEvent parseWithJackson(byte[] buf, int off, int len) throws BadLine {
        String ts = null;
        String gameId = null;
        String mode = null;
        String playerId = null;
        String type = null;
        double value = 1;
        String data = null;
        try (JsonParser p = factory.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLine("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "ts" -> ts = string(p, v, "ts");
                    case "game_id" -> gameId = id(p, v, "game_id");
                    case "mode" -> mode = id(p, v, "mode");
                    case "player_id" -> playerId = id(p, v, "player_id");
                    case "type" -> type = id(p, v, "type");
                    case "value" -> value = number(p, v);
                    case "data" -> data = data(p, v, buf, off);
                    default -> p.skipChildren(); // unknown fields are ignored, whatever their shape
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new BadLine("invalid JSON: unexpected " + t);
            }
            if (p.nextToken() != null) {
                throw new BadLine("invalid JSON: more after the object");
            }
        } catch (JsonProcessingException e) {
            throw new BadLine("invalid JSON: " + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadLine("invalid JSON: " + shorten(e.getMessage())); // a byte array cannot fail to read
        }
        return new LogEvent(Timestamps.parse(required(ts, "ts")), sized(gameId, "game_id", 64),
                sized(mode, "mode", 32), sized(playerId, "player_id", 64), type(type), value, data);
    }

    private static String string(JsonParser p, JsonToken v, String field) throws IOException, BadLine {
        if (v != JsonToken.VALUE_STRING) {
            throw new BadLine(field + ": must be a string");
        }
        String s = p.getText();
        if (s.indexOf('\0') >= 0) {
            throw new BadLine(field + ": contains \\u0000"); // PostgreSQL text cannot hold it
        }
        return s;
    }

    /** A value repeated across lines, canonicalised (see {@link StringCache}). */
    private String id(JsonParser p, JsonToken v, String field) throws IOException, BadLine {
        if (v != JsonToken.VALUE_STRING) {
            throw new BadLine(field + ": must be a string");
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        for (int i = off; i < off + len; i++) {
            if (chars[i] == '\0') {
                throw new BadLine(field + ": contains \\u0000"); // PostgreSQL text cannot hold it
            }
        }
        return ids.get(chars, off, len);
    }

    private static double number(JsonParser p, JsonToken v) throws IOException, BadLine {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new BadLine("value: must be a number");
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new BadLine("value: out of range");
        }
        return d;
    }

    /** The object's own bytes, so it is kept exactly as sent (key order, spacing, numbers). */
    private static String data(JsonParser p, JsonToken v, byte[] buf, int off) throws IOException, BadLine {
        if (v == JsonToken.VALUE_NULL) {
            return null; // as if absent
        }
        if (v != JsonToken.START_OBJECT) {
            throw new BadLine("data: must be an object");
        }
        int start = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getByteOffset();
        if (end - start > MAX_DATA_BYTES) {
            throw new BadLine("data: larger than " + MAX_DATA_BYTES + " bytes");
        }
        String raw = new String(buf, off + start, end - start, StandardCharsets.UTF_8);
        if (raw.contains("\\u0000")) {
            throw new BadLine("data: contains \\u0000"); // jsonb cannot hold it
        }
        return raw;
    }

    private static String required(String s, String field) throws BadLine {
        if (s == null) {
            throw new BadLine(field + ": missing");
        }
        return s;
    }

    private static String sized(String s, String field, int max) throws BadLine {
        required(s, field);
        // code points, as everywhere in Arena; a string no longer than max chars cannot have more code points
        int length = s.length() <= max ? s.length() : s.codePointCount(0, s.length());
        if (length < 1 || length > max) {
            throw new BadLine(field + ": must be 1-" + max + " characters");
        }
        return s;
    }

    private static String type(String s) throws BadLine {
        required(s, "type");
        if (!isType(s)) {
            throw new BadLine("type: must be 1-32 characters of a-z and _");
        }
        return s;
    }

    /** {@code [a-z_]{1,32}}, by hand: a regex match per line costs more than the rest of the check. */
    static boolean isType(String s) {
        int n = s.length();
        if (n < 1 || n > 32) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 'a' || c > 'z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse("");
        return first.length() > 120 ? first.substring(0, 120) + "..." : first;
    }
}
