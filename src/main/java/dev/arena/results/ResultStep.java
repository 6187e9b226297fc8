package dev.arena.results;

import io.vertx.core.Future;

/**
 * One piece of work every stored match result goes through (ratings, stats, leaderboards, tournament
 * advancement...). Each step of each result runs as its own durable job: retried with backoff until it succeeds,
 * and run again after a crash, so {@link #apply} must be idempotent (applying one result twice changes nothing).
 */
public interface ResultStep {

    /** Stable name, part of the job's identity in PostgreSQL: never rename a step that has been deployed. */
    String name();

    /** Applies the result; a failed future is retried later. Called off the event loops; must not block. */
    Future<Void> apply(FinishedMatch match);
}
