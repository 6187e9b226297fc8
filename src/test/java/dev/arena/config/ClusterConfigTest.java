package dev.arena.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster keys (ARENA_REDIS_URL, ARENA_NODE_TTL) as ConfigLoader reads them. */
class ClusterConfigTest {
    @TempDir
    Path dir;

    private ArenaConfig load(Map<String, String> keys) {
        Map<String, String> env = new HashMap<>(Map.of("ARENA_DATA_DIR", dir.toString()));
        env.putAll(keys);
        return ConfigLoader.load(env, Map.of());
    }

    @Test
    void singleNodeByDefault() {
        ArenaConfig c = load(Map.of());
        assertThat(c.cluster().redisUrl()).isEmpty();
        assertThat(c.cluster().nodeTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ConfigLoader.KEYS).containsKey("ARENA_NODE_TTL");
    }

    @Test
    void readsTheRedisUrlAndTheNodeTtl() {
        ArenaConfig c = load(Map.of("ARENA_REDIS_URL", "redis://10.0.0.5:6380", "ARENA_NODE_TTL", "2s"));
        assertThat(c.cluster().redisUrl()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(6380));
        assertThat(c.cluster().nodeTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.withPort(9).cluster().nodeTtl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void reportsEveryBadClusterKeyAtOnce() {
        assertThatThrownBy(() -> load(Map.of("ARENA_REDIS_URL", "http://x", "ARENA_NODE_TTL", "500ms")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("ARENA_REDIS_URL"))
                        .anyMatch(p -> p.startsWith("ARENA_NODE_TTL")));
    }
}
