package dev.arena.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

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
     * runs there). Completes in place when the outcome arrives on this loop, or is already there and the future is
     * bound to no other context.
     */
    public static <T> Future<T> back(Future<T> result) {
        Context home = Vertx.currentContext();
        if (home == null) {
            return result; // not on a loop: a unit test calling a handler
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
}
