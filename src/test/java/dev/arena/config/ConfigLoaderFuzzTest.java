package dev.arena.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Any values for any settings either load or are refused with one {@link ConfigException} listing the problems:
 * never another exception (which would print a stack trace instead of the "Invalid configuration" message and
 * exit status 2). Replays {@code ConfigLoaderFuzzTestInputs} in the normal suite; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ConfigLoaderFuzzTest {
    /** Every declared setting, minus ARENA_CONFIG, which names a file to read. */
    private static final List<String> KEYS = ConfigKeys.ALL.stream().filter(k -> k != ConfigKeys.FILE)
            .map(ConfigKey::name).toList();

    @FuzzTest(maxDuration = "5m")
    void loadsOrRefusesWithOneConfigException(FuzzedDataProvider data) {
        Map<String, String> env = new HashMap<>();
        int n = data.consumeInt(1, 4);
        for (int i = 0; i < n; i++) {
            env.put(data.pickValue(KEYS), data.consumeString(200));
        }
        try {
            ConfigLoader.load(env, Map.of());
        } catch (ConfigException expected) {
            // every problem listed at once
        }
    }
}
