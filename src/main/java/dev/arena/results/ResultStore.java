package dev.arena.results;

import dev.arena.match.EventLog;
import dev.arena.match.MatchId;
import dev.arena.player.MatchHistory;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Finished matches in storage; also the source of players' recent games. */
public interface ResultStore extends MatchHistory {

    /**
     * Stores the result, its log and one job per step, all in one transaction. Idempotent: a match stored before
     * is left as it was (completes with {@code false}).
     *
     * @param match the result and its summary ({@link StoredMatch#log()} null: the log is {@code log})
     * @param log   the finished match's log, closed; its JSON is written when it goes to storage
     * @param steps names of the {@link ResultStep}s to schedule, due at once
     */
    Future<Boolean> record(StoredMatch match, EventLog<?> log, List<String> steps);

    Future<Optional<FinishedMatch>> load(MatchId id);

    /** The stored match with its log, for {@code GET /games/{id}/replay}. */
    Future<Optional<StoredMatch>> replay(MatchId id);

    /** The stored match without its log (cheap), for {@code GET /games/{id}/state}. */
    Future<Optional<StoredMatch>> summary(MatchId id);

    /** A result job that has failed and waits for its next attempt; {@code lastError}: why it last failed. */
    record FailingJob(String step, MatchId gameId, int consecutiveFailures, java.time.Instant lastFailure,
                      java.time.Instant nextAttempt, String lastError) {}

    /**
     * A finished match whose result could not be stored; {@code error}: why (at most 500 characters),
     * {@code result}: the result as JSON text.
     */
    record FailedResult(MatchId gameId, String mode, String node, String error, String result,
                        java.time.Instant createdAt) {}

    /**
     * The result jobs not yet done, the failing ones (most failures first, at most {@code limit}), and the results
     * that could not be stored at all (newest first, at most {@code limit}).
     */
    record JobsReport(long pending, List<FailingJob> failing, List<FailedResult> failed) {}

    Future<JobsReport> jobs(int limit);

    /**
     * Keeps a result that {@link #record} gave up on, with what is needed to store it later ({@code steps}), so
     * that {@link #jobs} lists it as failed.
     */
    Future<Void> recordUnstored(StoredMatch match, EventLog<?> log, List<String> steps, String error,
                                java.time.Instant at);

    /** {@link #record} failed on data that can never be stored (SQLSTATE class 22 or 23): retrying is useless. */
    final class Unstorable extends RuntimeException {
        public Unstorable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
