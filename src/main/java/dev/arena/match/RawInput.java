package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.Map;

/**
 * Typed reads from one input's JSON object, for {@link GameRules#decodeInput}. Every failure is a
 * {@link MalformedInput}. Integers must be JSON integers (3, not 3.0 or "3").
 */
public final class RawInput {
    private final Map<String, ?> raw;

    public RawInput(Map<String, ?> raw) {
        if (raw == null) {
            throw new MalformedInput("input must be a JSON object");
        }
        this.raw = raw;
    }

    public String type() {
        return string("type");
    }

    public String string(String key) {
        if (!(raw.get(key) instanceof String s)) {
            throw new MalformedInput("'" + key + "' must be a string");
        }
        return s;
    }

    public int integer(String key) {
        Object v = raw.get(key);
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
            throw new MalformedInput("'" + key + "' must be an integer");
        }
        long n = ((Number) v).longValue();
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new MalformedInput("'" + key + "' is out of the integer range");
        }
        return (int) n;
    }

    public PlayerId player(String key) {
        String s = string(key);
        try {
            return PlayerId.parse(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedInput("'" + key + "' must be a player id (UUID)");
        }
    }
}
