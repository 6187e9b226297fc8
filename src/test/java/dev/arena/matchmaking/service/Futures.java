package dev.arena.matchmaking.service;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits (bounded) for a future in matchmaking tests; a domain failure is rethrown as itself, for assertions. */
public final class Futures {
    private Futures() {}

    public static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("future did not complete", e);
        }
    }
}
