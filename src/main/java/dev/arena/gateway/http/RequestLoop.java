package dev.arena.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.FutureInternal;

/**
 * Brings an outcome back to the event loop of the request that waits for it. The HTTP server runs in Vert.x's strict
 * thread mode ({@link HttpVerticle}): a response may be written only on its connection's event loop, and anywhere
 * else Vert.x throws and the request is never answered. A service's future may complete on another loop (a match's or
 * a room's context, Redis, the log-ingest pool), so every handler that answers, fails or goes on to the next handler
 * after waiting for one takes the outcome through here first.
 */
public final class RequestLoop {
    private RequestLoop() {}

    /**
     * The same outcome, completed on the calling request's event loop: call it on that loop, before waiting (a handler
     * runs there), and listen to the answer there. Completes in place when the outcome arrives on this loop, or is
     * already there and the future is bound to no other context. An outcome whose listeners run here anyway is
     * handed back as it is ({@link #alreadyHere}): the common case (a cache hit, a query started by the handler)
     * allocates nothing.
     */
    public static <T> Future<T> back(Future<T> result) {
        Context home = Vertx.currentContext();
        if (home == null) {
            return result; // not on a loop: a unit test calling a handler
        }
        if (alreadyHere(result, home)) {
            return result;
        }
        // even a completed future is listened to: one bound to another context calls its listeners there
        Thread loop = Thread.currentThread();
        Promise<T> here = Promise.promise();
        result.onComplete(ar -> {
            if (Thread.currentThread() == loop) {
                here.handle(ar);
            } else {
                home.runOnContext(v -> here.handle(ar));
            }
        });
        return here.future();
    }

    /**
     * Whether every listener the caller attaches to {@code result} now, on {@code home}, runs on {@code home}: when
     * the future is bound to {@code home} (Vert.x runs a bound future's listeners on its context, and dispatches them
     * there when it completes on another thread), or when it is complete and bound to no context (its listeners then
     * run at once, on the attaching thread). A future bound to another context, or pending and bound to none, may
     * call its listeners on any thread.
     */
    private static boolean alreadyHere(Future<?> result, Context home) {
        if (!(result instanceof FutureInternal<?> f)) {
            return false;
        }
        Context bound = f.context();
        return bound == home || (bound == null && result.isComplete());
    }
}
