package dev.arena.logs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the API reads: jobs, and analytics from the rollup tables only (never a scan of raw events), so each
 * answer costs a few index lookups however many events are stored. Non-blocking.
 */
public interface LogQueries {

    /** The job with its first bad lines. */
    Future<Optional<LogJob>> job(UUID id);

    /** The newest jobs, optionally only the one with this idempotency key. */
    Future<List<LogJob>> jobs(String idempotencyKey, int limit);

    /** Events and value sums per type, games, first/last seen, per day; empty when the player has no events. */
    Future<Optional<JsonObject>> player(String playerId);

    /** Per mode, bucket ({@code hour} or {@code day}) and type, in [from, to). */
    Future<JsonObject> modes(Instant from, Instant to, String bucket);

    /** Players with the largest value sum of one event type since {@code since} (null: all time). */
    Future<JsonObject> top(String type, Instant since, int limit);

    /** Mode, duration, events, and events per player; empty when unknown. */
    Future<Optional<JsonObject>> game(String gameId);
}
