package dev.arena.storage.local;

import dev.arena.metrics.MetricsExchange;
import dev.arena.metrics.NodeSample;
import io.vertx.core.Future;
import java.util.function.Consumer;

/** A single node's exchange: its own sample is the only one, handed straight back. */
public final class LocalMetricsExchange implements MetricsExchange {
    private volatile Consumer<NodeSample> receiver = s -> { };

    @Override
    public Future<Void> start(Consumer<NodeSample> receiver) {
        this.receiver = receiver;
        return Future.succeededFuture();
    }

    @Override
    public void publish(NodeSample sample) {
        receiver.accept(sample);
    }

    @Override
    public Future<Void> close() {
        receiver = s -> { };
        return Future.succeededFuture();
    }
}
