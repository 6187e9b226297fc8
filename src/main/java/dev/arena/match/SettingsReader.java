package dev.arena.match;

import dev.arena.common.ArenaException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a game's settings map and collects every error, so a creator sees all of them at once. Fields are
 * reported as {@code settings.<key>}. Usage: read each key, then {@link #done()}.
 */
public final class SettingsReader {
    private final Map<String, ?> raw;
    private final Set<String> read = new HashSet<>();
    private final List<ArenaException.FieldError> errors = new ArrayList<>();

    public SettingsReader(Map<String, ?> raw) {
        this.raw = raw == null ? Map.of() : raw;
    }

    /** An integer in {@code [min, max]}, or {@code fallback} when absent; records an error otherwise. */
    public int integer(String key, int fallback, int min, int max) {
        read.add(key);
        Object v = raw.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
            errors.add(new ArenaException.FieldError("settings." + key, "must be an integer"));
            return fallback;
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            errors.add(new ArenaException.FieldError("settings." + key, "must be between " + min + " and " + max));
            return fallback;
        }
        return (int) n;
    }

    /** Adds an error of the caller's own (a rule across several keys). */
    public void error(String key, String message) {
        errors.add(new ArenaException.FieldError("settings." + key, message));
    }

    /** Throws when any key was invalid or unknown. */
    public void done() {
        raw.keySet().stream().filter(k -> !read.contains(k)).sorted()
                .forEach(k -> errors.add(new ArenaException.FieldError("settings." + k, "unknown setting")));
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
    }
}
