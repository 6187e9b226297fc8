package dev.arena.app;

import dev.arena.config.ConfigLoader;
import dev.arena.storage.postgres.PostgresServer;
import dev.arena.testing.TestRedis;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts a real node of a test cluster: the shared PostgreSQL and Redis, a 2 s node TTL, one HTTP instance. */
final class ClusterNodes {
    private ClusterNodes() {}

    static ArenaNode start(PostgresServer database, String nodeId, String secret) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_HOST", "127.0.0.1");
        env.put("ARENA_PORT", "0");
        env.put("ARENA_DATA_DIR", Files.createTempDirectory("arena-cluster-" + nodeId).toString());
        env.put("ARENA_DATABASE_URL", "postgres://postgres@127.0.0.1:" + database.url().port() + "/postgres");
        env.put("ARENA_REDIS_URL", TestRedis.url());
        env.put("ARENA_TOKEN_SECRET", secret);
        env.put("ARENA_NODE_ID", nodeId);
        env.put("ARENA_NODE_TTL", "2s");
        env.put("ARENA_HTTP_INSTANCES", "1");
        env.put("ARENA_DB_POOL_SIZE", "4");
        env.put("ARENA_WS_RATE", "200");
        env.put("ARENA_WS_BURST", "400");
        env.put("ARENA_WS_RESUME_BUFFER", "64");
        return ArenaNode.start(ConfigLoader.load(env, Map.of()), Clock.systemUTC());
    }
}
