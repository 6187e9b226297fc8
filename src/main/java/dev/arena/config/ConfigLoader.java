package dev.arena.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds an {@link ArenaConfig} from, in rising precedence: defaults, an optional properties file
 * ({@code ARENA_CONFIG} or {@code --config}), environment variables, then command-line flags.
 * All keys use the environment-variable names ({@code ARENA_PORT}); a file may also write them as
 * {@code port} or {@code arena.port}. Every invalid value is collected and reported in one {@link ConfigException}.
 */
public final class ConfigLoader {

    /** Every recognised key by name, in README order, with its default, meaning and parser. */
    public static final Map<String, ConfigKey<?>> KEYS = byName();

    private static Map<String, ConfigKey<?>> byName() {
        Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
        ConfigKeys.ALL.forEach(k -> m.put(k.name(), k));
        return Collections.unmodifiableMap(m);
    }

    private ConfigLoader() {}

    /** Loads from the process environment plus flags (already mapped to ARENA_* keys). */
    public static ArenaConfig load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String file = firstNonBlank(flags.get(ConfigKeys.FILE.name()), env.get(ConfigKeys.FILE.name()));
        if (file != null) {
            readFile(Path.of(file), merged, problems);
        }
        env.forEach((k, v) -> {
            if (k.startsWith("ARENA_") && v != null) {
                merged.put(k, v);
            }
        });
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        ArenaConfig config = ConfigKeys.read(new ConfigValues(merged, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static void readFile(Path path, Map<String, String> into, List<String> problems) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(path)) {
            props.load(r);
        } catch (IOException e) {
            problems.add("ARENA_CONFIG: cannot read " + path + " (" + e.getMessage() + ")");
            return;
        }
        for (String name : props.stringPropertyNames()) {
            String k = name.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!k.startsWith("ARENA_")) {
                k = "ARENA_" + k;
            }
            if (!KEYS.containsKey(k)) {
                problems.add("ARENA_CONFIG: unknown key '" + name + "' in " + path);
                continue;
            }
            into.put(k, props.getProperty(name).strip());
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
