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
    /** The documented variables (README), minus ARENA_CONFIG, which names a file to read. */
    private static final List<String> KEYS = List.of("ARENA_HOST", "ARENA_PORT", "ARENA_DATABASE_URL",
            "ARENA_DB_POOL_SIZE", "ARENA_REDIS_URL", "ARENA_DATA_DIR", "ARENA_TOKEN_SECRET", "ARENA_TOKEN_TTL",
            "ARENA_REFRESH_TTL", "ARENA_LOG_LEVEL", "ARENA_LOG_FORMAT", "ARENA_CORS_ORIGINS", "ARENA_BODY_LIMIT",
            "ARENA_HTTP_INSTANCES", "ARENA_SHUTDOWN_TIMEOUT", "ARENA_NODE_ID", "ARENA_NODE_TTL",
            "ARENA_WS_OUTBOUND_QUEUE", "ARENA_WS_RATE", "ARENA_WS_BURST", "ARENA_WS_MAX_MESSAGE", "ARENA_WS_HARD_FRAME",
            "ARENA_WS_HEARTBEAT", "ARENA_WS_IDLE_TIMEOUT", "ARENA_WS_ABUSE_LIMIT", "ARENA_ROOM_MAX_MEMBERS",
            "ARENA_WS_RESUME_BUFFER", "ARENA_WS_RESUME_WINDOW", "ARENA_TRANSPORT", "ARENA_TCP_SEND_BUFFER",
            "ARENA_CHAT_MAX_LENGTH", "ARENA_CHAT_FILTER", "ARENA_JOB_THREADS", "ARENA_JOB_POLL_INTERVAL",
            "ARENA_JOB_HEARTBEAT", "ARENA_JOB_RETRY_FIRST", "ARENA_JOB_RETRY_MAX", "ARENA_JOB_TIMEOUT",
            "ARENA_MM_QUEUES", "ARENA_MM_INTERVAL", "ARENA_MM_DISCONNECT_GRACE", "ARENA_MM_LEASE_TTL",
            "ARENA_MM_TICKET_RETENTION");

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
