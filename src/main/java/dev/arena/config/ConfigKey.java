package dev.arena.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key, declared once: its environment-variable name, its default ({@code ""} = unset), the
 * meaning shown by {@code --help} and in the README table, and how its text becomes a value. A parser refuses a
 * value by throwing an {@link IllegalArgumentException} whose message completes "KEY: 'value' ..."; a
 * {@link Refusal} is reported without the value.
 */
public record ConfigKey<T>(String name, String defaultValue, String meaning, Function<String, T> parser) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(parser, "parser");
    }

    /** Declares a key and adds it to its section's list ({@link ConfigKeys}, {@link FeatureKeys}). */
    static <T> ConfigKey<T> key(List<ConfigKey<?>> section, String name, String def, String meaning,
                                Function<String, T> parser) {
        ConfigKey<T> k = new ConfigKey<>(name, def, meaning, parser);
        section.add(k);
        return k;
    }

    /** Secrets are never echoed back in a problem. */
    boolean secret() {
        return name.endsWith("_SECRET");
    }

    /** A refusal whose message reads on its own ("KEY: must not be empty"), without repeating the value. */
    static final class Refusal extends IllegalArgumentException {
        Refusal(String message) {
            super(message);
        }
    }
}
