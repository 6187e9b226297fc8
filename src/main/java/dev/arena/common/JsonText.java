package dev.arena.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks on decoded JSON that every stored value must pass. PostgreSQL cannot keep U+0000 in text or JSONB (22021,
 * 22P05): one such character in a chat line, a name, a reason or a relayed game input used to become a 500, or a
 * match result no job could ever store. So it is refused where JSON comes in, before anything accepts it.
 */
public final class JsonText {
    private JsonText() {}

    /**
     * Where the first NUL character is in a decoded JSON value (Vert.x {@code JsonObject}/{@code JsonArray} or
     * plain maps and lists), as a path like {@code settings.names[2]}; empty if there is none. Keys count too.
     */
    public static Optional<String> nulAt(Object value) {
        return find(value, "");
    }

    private static Optional<String> find(Object value, String path) {
        if (value instanceof String s) {
            return s.indexOf('\u0000') >= 0 ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
        }
        if (value instanceof io.vertx.core.json.JsonObject o) {
            return find(o.getMap(), path);
        }
        if (value instanceof io.vertx.core.json.JsonArray a) {
            return find(a.getList(), path);
        }
        if (value instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                String at = path.isEmpty() ? key : path + "." + key;
                if (key.indexOf('\u0000') >= 0) {
                    return Optional.of(at);
                }
                Optional<String> inner = find(e.getValue(), at);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Optional<String> inner = find(l.get(i), path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }
}
