package dev.arena.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arena.common.NetTransport;
import dev.arena.match.MatchConfig;
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
        assertThat(c.http().host()).isEqualTo("0.0.0.0");
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.database().url()).isEmpty();
        assertThat(c.database().poolSize()).isEqualTo(16);
        assertThat(c.cluster().redisUrl()).isEmpty();
        assertThat(c.database().dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.tokens().secret()).isEmpty();
        assertThat(c.tokens().accessTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.tokens().refreshTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(c.log().level()).isEqualTo("info");
        assertThat(c.log().format()).isEqualTo(LogConfig.Format.TEXT);
        assertThat(c.http().corsOrigins()).isEmpty();
        assertThat(c.http().bodyLimitBytes()).isEqualTo(1024 * 1024);
        assertThat(c.http().instances()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.http().shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.nodeId()).matches("node-[0-9a-f]{8}");
    }

    @Test
    void everyKeyIsAnArenaKeyWithADefaultAndAMeaning() {
        assertThat(ConfigLoader.KEYS).containsKeys("ARENA_PORT", "ARENA_DATABASE_URL", "ARENA_REDIS_URL",
                "ARENA_DATA_DIR", "ARENA_TOKEN_SECRET", "ARENA_LOG_LEVEL");
        ConfigLoader.KEYS.forEach((key, v) -> {
            assertThat(key).startsWith("ARENA_").isEqualTo(v.name());
            assertThat(v.defaultValue()).as("default of %s", key).isNotNull();
            assertThat(v.meaning()).as("meaning of %s", key).isNotBlank();
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
        assertThat(c.http().host()).isEqualTo("127.0.0.1");
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.database().url()).contains(new DatabaseUrl("db.example", 6543, "games", "arena", "s@cret"));
        assertThat(c.database().poolSize()).isEqualTo(4);
        assertThat(c.cluster().redisUrl().orElseThrow()).hasToString("rediss://cache.example:6380");
        assertThat(c.database().dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(c.tokens().secret()).contains("s".repeat(32));
        assertThat(c.tokens().accessTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.tokens().refreshTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(c.log().level()).isEqualTo("debug");
        assertThat(c.log().format()).isEqualTo(LogConfig.Format.JSON);
        assertThat(c.http().corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(c.http().bodyLimitBytes()).isEqualTo(65536);
        assertThat(c.http().instances()).isEqualTo(3);
        assertThat(c.http().shutdownTimeout()).isEqualTo(Duration.ofMillis(500));
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
        assertThat(all.http().port()).as("flag").isEqualTo(3000);
        assertThat(all.http().host()).as("environment").isEqualTo("10.0.0.2");
        assertThat(all.log().level()).as("file").isEqualTo("warn");
        assertThat(all.log().format()).as("default").isEqualTo(LogConfig.Format.TEXT);

        assertThat(ConfigLoader.load(env, Map.of()).http().port()).isEqualTo(2000);
        assertThat(ConfigLoader.load(Map.of("ARENA_CONFIG", f.toString()), Map.of()).http().port()).isEqualTo(1000);
        assertThat(ConfigLoader.load(Map.of(), Map.of("ARENA_CONFIG", f.toString())).http().port())
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
        assertThat(c.http().port()).isEqualTo(1234);
        assertThat(c.http().host()).isEqualTo("127.0.0.2");
        assertThat(c.database().poolSize()).isEqualTo(7);
        assertThat(c.tokens().accessTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.log().format()).isEqualTo(LogConfig.Format.JSON);
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
        assertThat(load(Map.of()).http().transport()).isEqualTo(NetTransport.AUTO);
        assertThat(load(Map.of("ARENA_TRANSPORT", "EPOLL")).http().transport()).isEqualTo(NetTransport.EPOLL);
        assertThat(load(Map.of("ARENA_TRANSPORT", "nio")).http().transport()).isEqualTo(NetTransport.NIO);
        assertThat(problem("ARENA_TRANSPORT", "kqueue"))
                .isEqualTo("ARENA_TRANSPORT: 'kqueue' must be one of auto, io_uring, epoll or nio");
    }

    @Test
    void aShortTokenSecretIsRefusedWithoutShowingIt() {
        String p = problem("ARENA_TOKEN_SECRET", "hunter2-but-longer-0123456789");
        assertThat(p).isEqualTo("ARENA_TOKEN_SECRET: (hidden) must be at least 32 characters");
        assertThat(load(Map.of("ARENA_TOKEN_SECRET", "x".repeat(32))).tokens().secret()).isPresent();
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
        assertThat(Parsers.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Parsers.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Parsers.duration("15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Parsers.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Parsers.duration("30d")).isEqualTo(Duration.ofDays(30));
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
        assertThat(Parsers.bytes("1024")).isEqualTo(1024);
        assertThat(Parsers.bytes("64KiB")).isEqualTo(65536);
        assertThat(Parsers.bytes("64 kb")).isEqualTo(65536);
        assertThat(Parsers.bytes("2MiB")).isEqualTo(2 * 1024 * 1024);
        assertThat(Parsers.bytes("1GiB")).isEqualTo(1024L * 1024 * 1024);
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
    void theStartWarmupIsBoundedToTwentySeconds() {
        assertThat(load(Map.of("ARENA_WARMUP", "3s")).ws().warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(load(Map.of("ARENA_WARMUP", "0")).ws().warmup()).isZero();
        assertThat(load(Map.of("ARENA_WARMUP", "off")).ws().warmup()).isZero();
        assertThat(load(Map.of()).ws().warmup()).isZero();
        assertThat(problem("ARENA_WARMUP", "21s")).isEqualTo("ARENA_WARMUP: must be between 0s and 20s");
        assertThat(problem("ARENA_WARMUP", "soon")).startsWith("ARENA_WARMUP: ");
    }

    @Test
    void anEmptyDataDirIsRefusedRatherThanMeaningTheWorkingDirectory() {
        assertThat(problem("ARENA_DATA_DIR", " ")).isEqualTo("ARENA_DATA_DIR: must not be empty");
    }

    @Test
    void emptyOptionalValuesMeanUnset() {
        ArenaConfig c = load(Map.of("ARENA_DATABASE_URL", "", "ARENA_REDIS_URL", " ", "ARENA_TOKEN_SECRET", "",
                "ARENA_NODE_ID", "", "ARENA_CORS_ORIGINS", ""));
        assertThat(c.database().url()).isEmpty();
        assertThat(c.cluster().redisUrl()).isEmpty();
        assertThat(c.tokens().secret()).isEmpty();
        assertThat(c.http().corsOrigins()).isEmpty();
        assertThat(c.nodeId()).startsWith("node-");
    }

    @Test
    void httpInstancesZeroMeansOnePerCore() {
        assertThat(load(Map.of("ARENA_HTTP_INSTANCES", "0")).http().instances())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void matchRoomAndTournamentSettingsDefaultToWhatTheWiringHardCodedBefore() {
        ArenaConfig c = load(Map.of());
        assertThat(c.match()).isEqualTo(MatchConfig.defaults());
        assertThat(c.ws().roomInbox()).isEqualTo(65_536);
        assertThat(c.tournament().sweepInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void matchRoomAndTournamentSettingsAreRead() {
        ArenaConfig c = load(Map.of("ARENA_MATCH_INBOX", "64", "ARENA_MATCH_INPUTS_PER_TICK", "2",
                "ARENA_MATCH_MAX_CATCH_UP", "3", "ARENA_MATCH_RECONNECT_GRACE", "5s", "ARENA_MATCH_EMPTY_TIMEOUT", "1m",
                "ARENA_MATCH_LOBBY_TIMEOUT", "2s", "ARENA_MATCH_MAX_SPECTATORS", "0", "ARENA_ROOM_INBOX", "128",
                "ARENA_TOURNAMENT_SWEEP", "250ms"));
        assertThat(c.match()).isEqualTo(new MatchConfig(0, 64, 2, 3, Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofSeconds(2), 0));
        assertThat(c.ws().roomInbox()).isEqualTo(128);
        assertThat(c.tournament().sweepInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badMatchRoomAndTournamentSettingsAreReportedAtOnce() {
        Map<String, String> env = Map.of("ARENA_MATCH_INBOX", "0", "ARENA_MATCH_INPUTS_PER_TICK", "many",
                "ARENA_MATCH_MAX_CATCH_UP", "-1", "ARENA_MATCH_RECONNECT_GRACE", "0s", "ARENA_MATCH_EMPTY_TIMEOUT", "x",
                "ARENA_MATCH_LOBBY_TIMEOUT", "1.5s", "ARENA_MATCH_MAX_SPECTATORS", "-1", "ARENA_ROOM_INBOX", "0",
                "ARENA_TOURNAMENT_SWEEP", "soon");
        assertThat(problems(env).stream().map(p -> p.substring(0, p.indexOf(':'))))
                .containsExactlyInAnyOrderElementsOf(env.keySet());
    }

    @Test
    void everyDefaultIsValidOnItsOwn() {
        ConfigLoader.KEYS.values().forEach(k -> assertThat(load(Map.of(k.name(), k.defaultValue())))
                .as(k.name()).isNotNull());
    }

    @Test
    void crossKeyChecksJudgeOnlyValuesThatWereRead() {
        assertThat(problems(Map.of("ARENA_WS_HEARTBEAT", "often", "ARENA_WS_IDLE_TIMEOUT", "1s")))
                .singleElement().asString().startsWith("ARENA_WS_HEARTBEAT: ");
        assertThat(problems(Map.of("ARENA_WS_HEARTBEAT", "10s", "ARENA_WS_IDLE_TIMEOUT", "5s")))
                .containsExactly("ARENA_WS_IDLE_TIMEOUT: must be longer than ARENA_WS_HEARTBEAT");
        // an HTTP idle time-out below the socket heartbeat would cut quiet, healthy sockets (issue 14)
        assertThat(problems(Map.of("ARENA_HTTP_IDLE_TIMEOUT", "10s")))
                .containsExactly("ARENA_HTTP_IDLE_TIMEOUT: must be longer than ARENA_WS_HEARTBEAT");
        assertThat(problems(Map.of("ARENA_HTTP_IDLE_TIMEOUT", "10s", "ARENA_WS_HEARTBEAT", "often")))
                .singleElement().asString().startsWith("ARENA_WS_HEARTBEAT: ");
        assertThat(problems(Map.of("ARENA_WS_MAX_MESSAGE", "64KiB", "ARENA_WS_HARD_FRAME", "16KiB")))
                .containsExactly("ARENA_WS_HARD_FRAME: must not be smaller than ARENA_WS_MAX_MESSAGE");
        assertThat(problems(Map.of("ARENA_JOB_TIMEOUT", "5ms"))).containsExactly("ARENA_JOB_TIMEOUT: must be at least 10ms");
    }
}
