package dev.arena.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks on decoded client JSON that every stored value must pass, so that no input can make a chat line, a name, a
 * reason or a match result unstorable (a result that cannot be stored is lost: the match lived only in memory).
 * PostgreSQL refuses U+0000 in text and JSONB (22021, 22P05) and a lone UTF-16 surrogate ({@code "\ud800"}) in
 * JSONB; and a number beyond a double ({@code 1e400}) reads as infinity, which JSON cannot write back as a number.
 * Each is refused where JSON comes in, before anything accepts it.
 */
public final class JsonText {
    private JsonText() {}

    public static final String NUL = "must not contain the NUL character (U+0000)";
    public static final String SURROGATE = "must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)";
    public static final String HUGE_NUMBER = "must be a number a double can hold (at most about 1.8e308)";

    /** Where a value is refused ({@code settings.names[2]}, or {@code body} for the whole), and why. */
    public record Flaw(String path, String reason) {}

    /**
     * The first value PostgreSQL could not store in a decoded JSON value (Vert.x {@code JsonObject}/{@code JsonArray}
     * or plain maps and lists); empty if there is none. Keys count too.
     */
    public static Optional<Flaw> unstorable(Object value) {
        Flaw f = find(value);
        if (f == null) {
            return Optional.empty();
        }
        String path = f.path().startsWith(".") ? f.path().substring(1) : f.path();
        return Optional.of(new Flaw(path.isEmpty() ? "body" : path, f.reason()));
    }

    /**
     * The first flaw, its path relative to {@code value} ("" for the value itself, else each step with its
     * separator: {@code .key} or {@code [i]}), or null. Paths are built only on
     * the way back from a flaw: every socket frame passes through here, and a clean one must cost no string per key.
     */
    private static Flaw find(Object value) {
        if (value instanceof String s) {
            String why = textFlaw(s);
            return why == null ? null : new Flaw("", why);
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)
                || value instanceof BigDecimal b && !Double.isFinite(b.doubleValue())) {
            return new Flaw("", HUGE_NUMBER);
        }
        if (value instanceof io.vertx.core.json.JsonObject o) {
            return find(o.getMap());
        }
        if (value instanceof io.vertx.core.json.JsonArray a) {
            return find(a.getList());
        }
        if (value instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String key = e.getKey() instanceof String k ? k : String.valueOf(e.getKey());
                String why = textFlaw(key);
                if (why != null) {
                    return new Flaw("." + key, why);
                }
                Flaw inner = find(e.getValue());
                if (inner != null) {
                    return new Flaw("." + key + inner.path(), inner.reason());
                }
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Flaw inner = find(l.get(i));
                if (inner != null) {
                    return new Flaw("[" + i + "]" + inner.path(), inner.reason());
                }
            }
        }
        return null;
    }

    /** True when PostgreSQL can store this text (no NUL, no lone surrogate). */
    public static boolean storable(String s) {
        return textFlaw(s) == null;
    }

    /** Why PostgreSQL would refuse this text, or null. */
    private static String textFlaw(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++; // a pair: one character outside the BMP, fine
                } else {
                    return SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }
}
