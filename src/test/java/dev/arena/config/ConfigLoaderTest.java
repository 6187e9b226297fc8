package dev.arena.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arena.common.NetTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static ArenaConfig load(Map<String, String> env) {
        return ConfigLoader.load(env, Map.of());
    }

    private static List<String> problems(Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(env));
        assertThat(e).as("expected %s to be refused", env).isNotNull();
        assertThat(e.getMessage()).startsWith("Invalid configuration:");
        e.problems().forEach(p -> assertThat(e.getMessage()).contains(p));
        return e.problems();
    }

    private static String problem(String key, String value) {
        List<String> problems = problems(Map.of(key, value));
        assertThat(problems).as("%s=%s", key, value).hasSize(1);
        assertThat(problems.getFirst()).startsWith(key + ": ");
        return problems.getFirst();
    }

    private Path file(String content) throws IOException {
        Path f = dir.resolve("arena.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void defaults() {
        ArenaConfig c = load(Map.of());
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.databaseUrl()).isEmpty();
        assertThat(c.dbPoolSize()).isEqualTo(16);
        assertThat(c.redisUrl()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.tokenSecret()).isEmpty();
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.refreshTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(c.logLevel()).isEqualTo("info");
        assertThat(c.logFormat()).isEqualTo(ArenaConfig.LogFormat.TEXT);
        assertThat(c.corsOrigins()).isEmpty();
        assertThat(c.bodyLimitBytes()).isEqualTo(1024 * 1024);
        assertThat(c.httpInstances()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.nodeId()).matches("node-[0-9a-f]{8}");
    }

    @Test
    void everyKeyIsAnArenaKeyWithADefaultAndAMeaning() {
        assertThat(ConfigLoader.KEYS).containsKeys("ARENA_PORT", "ARENA_DATABASE_URL", "ARENA_REDIS_URL",
                "ARENA_DATA_DIR", "ARENA_TOKEN_SECRET", "ARENA_LOG_LEVEL");
        ConfigLoader.KEYS.forEach((key, v) -> {
            assertThat(key).startsWith("ARENA_");
            assertThat(v).hasSize(2);
            assertThat(v[0]).as("default of %s", key).isNotNull();
            assertThat(v[1]).as("meaning of %s", key).isNotBlank();
        });
    }

    @Test
    void everyValueIsRead() {
        ArenaConfig c = load(Map.ofEntries(
                Map.entry("ARENA_HOST", "127.0.0.1"),
                Map.entry("ARENA_PORT", " 9090 "),
                Map.entry("ARENA_DATABASE_URL", "postgres://arena:s%40cret@db.example:6543/games"),
                Map.entry("ARENA_DB_POOL_SIZE", "4"),
                Map.entry("ARENA_REDIS_URL", "rediss://cache.example:6380"),
                Map.entry("ARENA_DATA_DIR", dir.resolve("x/../data").toString()),
                Map.entry("ARENA_TOKEN_SECRET", "s".repeat(32)),
                Map.entry("ARENA_TOKEN_TTL", "90"),
                Map.entry("ARENA_REFRESH_TTL", "2h"),
                Map.entry("ARENA_LOG_LEVEL", "DEBUG"),
                Map.entry("ARENA_LOG_FORMAT", "json"),
                Map.entry("ARENA_CORS_ORIGINS", "https://a.example, https://b.example ,,"),
                Map.entry("ARENA_BODY_LIMIT", "64KiB"),
                Map.entry("ARENA_HTTP_INSTANCES", "3"),
                Map.entry("ARENA_SHUTDOWN_TIMEOUT", "500ms"),
                Map.entry("ARENA_NODE_ID", "eu-1"),
                Map.entry("PATH", "/usr/bin"),
                Map.entry("ARENA_JAVA_OPTS", "-Xmx1g")));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.databaseUrl()).contains(new DatabaseUrl("db.example", 6543, "games", "arena", "s@cret"));
        assertThat(c.dbPoolSize()).isEqualTo(4);
        assertThat(c.redisUrl().orElseThrow()).hasToString("rediss://cache.example:6380");
        assertThat(c.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(c.tokenSecret()).contains("s".repeat(32));
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.refreshTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(c.logLevel()).isEqualTo("debug");
        assertThat(c.logFormat()).isEqualTo(ArenaConfig.LogFormat.JSON);
        assertThat(c.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(c.bodyLimitBytes()).isEqualTo(65536);
        assertThat(c.httpInstances()).isEqualTo(3);
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.nodeId()).isEqualTo("eu-1");
    }

    @Test
    void flagsBeatEnvironmentBeatsFileBeatsDefaults() throws IOException {
        Path f = file("""
                port=1000
                host=10.0.0.1
                log.level=warn
                """);
        Map<String, String> env = Map.of("ARENA_CONFIG", f.toString(), "ARENA_PORT", "2000", "ARENA_HOST", "10.0.0.2");
        Map<String, String> flags = Map.of("ARENA_PORT", "3000");

        ArenaConfig all = ConfigLoader.load(env, flags);
        assertThat(all.port()).as("flag").isEqualTo(3000);
        assertThat(all.host()).as("environment").isEqualTo("10.0.0.2");
        assertThat(all.logLevel()).as("file").isEqualTo("warn");
        assertThat(all.logFormat()).as("default").isEqualTo(ArenaConfig.LogFormat.TEXT);

        assertThat(ConfigLoader.load(env, Map.of()).port()).isEqualTo(2000);
        assertThat(ConfigLoader.load(Map.of("ARENA_CONFIG", f.toString()), Map.of()).port()).isEqualTo(1000);
        assertThat(ConfigLoader.load(Map.of(), Map.of("ARENA_CONFIG", f.toString())).port())
                .as("the file named by a flag").isEqualTo(1000);
    }

    @Test
    void aPropertiesFileMayWriteKeysInSeveralWays() throws IOException {
        Path f = file("""
                # comments are fine
                ARENA_PORT = 1234
                arena.host=127.0.0.2
                db-pool-size=7
                token.ttl=5m
                log_format=json
                """);
        ArenaConfig c = ConfigLoader.load(Map.of(), Map.of("ARENA_CONFIG", f.toString()));
        assertThat(c.port()).isEqualTo(1234);
        assertThat(c.host()).isEqualTo("127.0.0.2");
        assertThat(c.dbPoolSize()).isEqualTo(7);
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.logFormat()).isEqualTo(ArenaConfig.LogFormat.JSON);
    }

    @Test
    void fileProblemsAreReportedWithTheRest() throws IOException {
        Path f = file("""
                prot=8080
                port=eighty
                """);
        assertThat(problems(Map.of("ARENA_CONFIG", f.toString(), "ARENA_LOG_LEVEL", "loud")))
                .containsExactlyInAnyOrder("ARENA_CONFIG: unknown key 'prot' in " + f,
                        "ARENA_PORT: 'eighty' is not a whole number",
                        "ARENA_LOG_LEVEL: 'loud' must be one of trace, debug, info, warn, error");
        assertThat(problems(Map.of("ARENA_CONFIG", dir.resolve("missing.properties").toString())))
                .singleElement().asString().startsWith("ARENA_CONFIG: cannot read ");
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_HOST", " ");
        env.put("ARENA_PORT", "70000");
        env.put("ARENA_DATABASE_URL", "mysql://db/arena");
        env.put("ARENA_DB_POOL_SIZE", "0");
        env.put("ARENA_REDIS_URL", "http://cache:6379");
        env.put("ARENA_TOKEN_SECRET", "too-short");
        env.put("ARENA_TOKEN_TTL", "soon");
        env.put("ARENA_REFRESH_TTL", "0s");
        env.put("ARENA_LOG_LEVEL", "loud");
        env.put("ARENA_LOG_FORMAT", "xml");
        env.put("ARENA_BODY_LIMIT", "huge");
        env.put("ARENA_HTTP_INSTANCES", "-1");
        env.put("ARENA_SHUTDOWN_TIMEOUT", "1.5s");
        List<String> problems = problems(env);
        assertThat(problems).hasSize(env.size());
        assertThat(problems.stream().map(p -> p.substring(0, p.indexOf(':'))))
                .containsExactlyInAnyOrderElementsOf(env.keySet());
        assertThat(problems).contains("ARENA_PORT: '70000' must be between 0 and 65535",
                "ARENA_DB_POOL_SIZE: '0' must be between 1 and 1000",
                "ARENA_HOST: must not be empty");
    }

    @Test
    void theNetworkTransportIsChosenAutomaticallyUnlessNamed() {
        assertThat(load(Map.of()).transport()).isEqualTo(NetTransport.AUTO);
        assertThat(load(Map.of("ARENA_TRANSPORT", "EPOLL")).transport()).isEqualTo(NetTransport.EPOLL);
        assertThat(load(Map.of("ARENA_TRANSPORT", "nio")).transport()).isEqualTo(NetTransport.NIO);
        assertThat(problem("ARENA_TRANSPORT", "kqueue"))
                .isEqualTo("ARENA_TRANSPORT: 'kqueue' must be one of auto, io_uring, epoll or nio");
    }

    @Test
    void aShortTokenSecretIsRefusedWithoutShowingIt() {
        String p = problem("ARENA_TOKEN_SECRET", "hunter2-but-longer-0123456789");
        assertThat(p).isEqualTo("ARENA_TOKEN_SECRET: (hidden) must be at least 32 characters");
        assertThat(load(Map.of("ARENA_TOKEN_SECRET", "x".repeat(32))).tokenSecret()).isPresent();
    }

    @Test
    void badDatabaseUrls() {
        assertThat(problem("ARENA_DATABASE_URL", "mysql://db/arena")).contains("scheme must be postgres://");
        assertThat(problem("ARENA_DATABASE_URL", "postgres://db.example:5432")).contains("missing database name");
        assertThat(problem("ARENA_DATABASE_URL", "postgres:///arena")).contains("missing host");
        assertThat(problem("ARENA_DATABASE_URL", "postgres://db example/arena")).contains("not a URL");
        assertThat(problem("ARENA_DATABASE_URL", "localhost:5432/arena")).contains("scheme must be postgres://");
    }

    @Test
    void databaseUrlForms() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5433/db")).isEqualTo(new DatabaseUrl("h", 5433, "db", "postgres", ""));
        assertThat(DatabaseUrl.parse("postgresql://u@h/db")).isEqualTo(new DatabaseUrl("h", 5432, "db", "u", ""));
        DatabaseUrl withPassword = DatabaseUrl.parse("postgres://u:p%40ss%3Aword@h/db");
        assertThat(withPassword.password()).isEqualTo("p@ss:word");
        assertThat(withPassword.toString()).doesNotContain("p@ss").isEqualTo("postgres://u@h:5432/db");
        assertThat(withPassword.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void badRedisUrls() {
        assertThat(problem("ARENA_REDIS_URL", "http://cache:6379")).contains("scheme must be redis://");
        assertThat(problem("ARENA_REDIS_URL", "redis://")).startsWith("ARENA_REDIS_URL: ");
        assertThat(problem("ARENA_REDIS_URL", "redis:// spaced")).startsWith("ARENA_REDIS_URL: ");
    }

    @Test
    void durations() {
        assertThat(ConfigLoader.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ConfigLoader.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ConfigLoader.duration("15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ConfigLoader.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ConfigLoader.duration("30d")).isEqualTo(Duration.ofDays(30));
        for (String bad : List.of("soon", "1.5h", "-5m", "10 minutes", "5w", "")) {
            assertThat(problem("ARENA_TOKEN_TTL", bad)).as(bad).contains("not a duration");
        }
        assertThat(problem("ARENA_SHUTDOWN_TIMEOUT", "0s")).contains("must be greater than zero");
        assertThat(problem("ARENA_SHUTDOWN_TIMEOUT", "99999999999999999999d")).endsWith("is too large");
        assertThat(problem("ARENA_SHUTDOWN_TIMEOUT", "999999999999999999d")).endsWith("is too large");
    }

    @Test
    void theRefreshTokenMustOutliveTheAccessToken() {
        assertThat(problems(Map.of("ARENA_TOKEN_TTL", "2h", "ARENA_REFRESH_TTL", "1h")))
                .containsExactly("ARENA_REFRESH_TTL: must not be shorter than ARENA_TOKEN_TTL");
    }

    @Test
    void sizes() {
        assertThat(ConfigLoader.bytes("1024")).isEqualTo(1024);
        assertThat(ConfigLoader.bytes("64KiB")).isEqualTo(65536);
        assertThat(ConfigLoader.bytes("64 kb")).isEqualTo(65536);
        assertThat(ConfigLoader.bytes("2MiB")).isEqualTo(2 * 1024 * 1024);
        assertThat(ConfigLoader.bytes("1GiB")).isEqualTo(1024L * 1024 * 1024);
        assertThat(problem("ARENA_BODY_LIMIT", "512")).contains("must be at least 1KiB");
        for (String bad : List.of("huge", "1TiB", "1.5MiB", "-1KiB", "")) {
            assertThat(problem("ARENA_BODY_LIMIT", bad)).as(bad).contains("not a size");
        }
    }

    /** Regression: an invalid ARENA_BODY_LIMIT was unboxed from null and crashed the loader with an NPE. */
    @Test
    void anInvalidBodyLimitIsReportedWithTheOtherProblems() {
        assertThat(problems(Map.of("ARENA_BODY_LIMIT", "huge", "ARENA_PORT", "x"))).hasSize(2);
    }

    @Test
    void aSizeTooLargeToCountIsRefusedNotWrappedAround() {
        assertThat(problem("ARENA_BODY_LIMIT", "99999999999GiB")).isEqualTo("ARENA_BODY_LIMIT: '99999999999GiB' is too large");
        assertThat(problem("ARENA_BODY_LIMIT", "9223372036854775807MiB")).endsWith("is too large");
        assertThat(problem("ARENA_BODY_LIMIT", "99999999999999999999")).endsWith("is too large");
    }

    @Test
    void anEmptyDataDirIsRefusedRatherThanMeaningTheWorkingDirectory() {
        assertThat(problem("ARENA_DATA_DIR", " ")).isEqualTo("ARENA_DATA_DIR: must not be empty");
    }

    @Test
    void emptyOptionalValuesMeanUnset() {
        ArenaConfig c = load(Map.of("ARENA_DATABASE_URL", "", "ARENA_REDIS_URL", " ", "ARENA_TOKEN_SECRET", "",
                "ARENA_NODE_ID", "", "ARENA_CORS_ORIGINS", ""));
        assertThat(c.databaseUrl()).isEmpty();
        assertThat(c.redisUrl()).isEmpty();
        assertThat(c.tokenSecret()).isEmpty();
        assertThat(c.corsOrigins()).isEmpty();
        assertThat(c.nodeId()).startsWith("node-");
    }

    @Test
    void httpInstancesZeroMeansOnePerCore() {
        assertThat(load(Map.of("ARENA_HTTP_INSTANCES", "0")).httpInstances())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
