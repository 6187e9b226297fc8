package dev.arena.matchmaking.service;

import io.vertx.core.Future;

/**
 * Who runs a mode's matcher. On a cluster exactly one node may hold a mode's lease at a time; it renews the lease
 * on every step, and when it stops renewing (it died) the lease expires and another node's next step takes it.
 */
public interface MatcherLease {

    /** A single node runs every matcher. */
    MatcherLease SOLE = new MatcherLease() {
        @Override
        public Future<Boolean> hold(String mode) {
            return Future.succeededFuture(true);
        }

        @Override
        public Future<Void> release(String mode) {
            return Future.succeededFuture();
        }
    };

    /** Takes the mode's lease if free, or renews it if this node holds it; completes with whether it holds it. */
    Future<Boolean> hold(String mode);

    /** Gives the lease up (only if this node still holds it), so another node takes over at once. */
    Future<Void> release(String mode);
}
