package dev.arena.app;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the node's wiring needs at start and stop only (it blocks: never call it on an event loop). */
final class Wiring {
    private static final Logger log = LoggerFactory.getLogger(ArenaNode.class);

    private Wiring() {}

    /** Waits for a start or stop step; its failure is rethrown (a start then fails as a whole). */
    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        }
    }

    /** A shutdown step: a failure is logged and the next step runs. */
    static void quietly(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("shutdown: could not {}", what, e);
        }
    }

    /** One context per event loop; each room (and match) is owned by one of them. */
    static List<Context> shardContexts(Vertx vertx, int n) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        await(vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                contexts.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(n)));
        return contexts;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
