package dev.arena.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * This node and, with Redis, the cluster it belongs to (docs/CLUSTERING.md).
 *
 * @param redisUrl empty means "single node: in-process pub/sub, cache and leaderboard index"
 * @param nodeId   this node's name (in logs, results and match ownership, also on a single node)
 * @param nodeTtl  with Redis: how long a node that stopped sending heartbeats counts as alive; its presence is
 *                 removed after that (heartbeats every third of it, sweeps every quarter)
 */
public record ClusterConfig(Optional<URI> redisUrl, String nodeId, Duration nodeTtl) {}
