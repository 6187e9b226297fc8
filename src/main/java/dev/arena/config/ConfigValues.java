package dev.arena.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged raw values while they are being read: each refused value becomes a problem instead of an exception,
 * so that every problem is reported at once; reading then carries on with the key's default.
 */
final class ConfigValues {
    private final Map<String, String> raw;
    private final List<String> problems;
    private final Set<String> refused = new HashSet<>();

    ConfigValues(Map<String, String> raw, List<String> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    /** The key's value, or its default when the value is refused (the refusal is recorded). */
    <T> T get(ConfigKey<T> key) {
        String value = raw.getOrDefault(key.name(), key.defaultValue());
        value = value == null ? "" : value.strip();
        try {
            return key.parser().apply(value);
        } catch (ConfigKey.Refusal e) {
            refuse(key, e.getMessage());
        } catch (RuntimeException e) {
            String shown = key.secret() ? "(hidden)" : "'" + value + "'";
            refuse(key, shown + " " + e.getMessage());
        }
        return key.parser().apply(key.defaultValue());
    }

    /** True when none of these keys was refused: checks across keys only judge values that were read. */
    boolean valid(ConfigKey<?>... keys) {
        for (ConfigKey<?> k : keys) {
            if (refused.contains(k.name())) {
                return false;
            }
        }
        return true;
    }

    /** Records a problem with a combination of valid values ("ARENA_X: must be longer than ARENA_Y"). */
    void check(boolean ok, ConfigKey<?> key, String message) {
        if (!ok) {
            refuse(key, message);
        }
    }

    private void refuse(ConfigKey<?> key, String message) {
        refused.add(key.name());
        problems.add(key.name() + ": " + message);
    }
}
