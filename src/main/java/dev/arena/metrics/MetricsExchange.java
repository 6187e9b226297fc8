package dev.arena.metrics;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * How nodes see each other's samples: each node publishes its own once a second and receives every node's (its
 * own included). In-process on a single node ({@code storage.local}), Redis pub/sub on a cluster
 * ({@code storage.redis}). Loss is harmless: a node whose samples stop arriving drops out of the merge after
 * {@link DashboardFeed#STALE}.
 */
public interface MetricsExchange {

    /** Starts delivering samples to {@code receiver} (on any thread); completes once subscribed. */
    Future<Void> start(Consumer<NodeSample> receiver);

    void publish(NodeSample sample);

    Future<Void> close();
}
