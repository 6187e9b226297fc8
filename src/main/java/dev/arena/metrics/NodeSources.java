package dev.arena.metrics;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/** What the sampler reads besides the meter registry: this node's matches and leases, and shared counts. */
public interface NodeSources {

    /** A match on this node. {@code running}: started and not finished (otherwise waiting for players). */
    record LiveMatch(String id, String mode, boolean running) {}

    Collection<LiveMatch> matches();

    /** The matchmaking modes whose matcher runs on this node. */
    List<String> leases();

    /** Tournaments running and result jobs waiting, from PostgreSQL: asked every few seconds, not every second. */
    Future<NodeSample.Work> sharedWork();
}
