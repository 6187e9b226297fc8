package dev.arena.config;

import dev.arena.common.NetTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration of one Arena node: immutable, validated once by {@link ConfigLoader}.
 *
 * @param databaseUrl empty means "start the embedded PostgreSQL under {@code dataDir}"
 * @param redisUrl empty means "single node: in-process pub/sub, cache and leaderboard index"
 * @param nodeTtl with Redis: how long a node that stopped sending heartbeats counts as alive; its presence is
 *                removed after that (heartbeats every third of it, sweeps every quarter)
 * @param tokenSecret empty means "generate one and keep it in {@code dataDir}" (fine for one node;
 *                    a cluster must share an explicit secret)
 * @param transport the network transport (io_uring, epoll, NIO), chosen at start
 */
public record ArenaConfig(
        String host,
        int port,
        Optional<DatabaseUrl> databaseUrl,
        int dbPoolSize,
        Optional<URI> redisUrl,
        Path dataDir,
        Optional<String> tokenSecret,
        Duration tokenTtl,
        Duration refreshTtl,
        String logLevel,
        LogFormat logFormat,
        List<String> corsOrigins,
        long bodyLimitBytes,
        int httpInstances,
        Duration shutdownTimeout,
        String nodeId,
        WsLimits ws,
        ChatConfig chat,
        Duration nodeTtl,
        JobsConfig jobs,
        MatchmakingConfig matchmaking,
        NetTransport transport,
        LogsConfig logs) {

    public enum LogFormat { TEXT, JSON }

    public ArenaConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Event loops (and room shards): as many as HTTP instances, one per core by default. */
    public int eventLoops() {
        return httpInstances;
    }

    /** Same configuration on another port (tests and multi-node runs on one machine). */
    public ArenaConfig withPort(int newPort) {
        return new ArenaConfig(host, newPort, databaseUrl, dbPoolSize, redisUrl, dataDir, tokenSecret, tokenTtl,
                refreshTtl, logLevel, logFormat, corsOrigins, bodyLimitBytes, httpInstances, shutdownTimeout, nodeId,
                ws, chat, nodeTtl, jobs, matchmaking, transport, logs);
    }
}
