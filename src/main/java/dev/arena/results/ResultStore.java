package dev.arena.results;

import dev.arena.match.MatchId;
import dev.arena.match.StoredLog;
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
     * @param steps names of the {@link ResultStep}s to schedule, due at once
     */
    Future<Boolean> record(StoredMatch match, List<String> steps);

    Future<Optional<FinishedMatch>> load(MatchId id);

    /** The stored match with its log, for {@code GET /games/{id}/replay}. */
    Future<Optional<StoredMatch>> replay(MatchId id);

    /** The stored match without its log (cheap), for {@code GET /games/{id}/state}. */
    Future<Optional<StoredMatch>> summary(MatchId id);

    /** A result job that has failed and waits for its next attempt; {@code lastError}: why it last failed. */
    record FailingJob(String step, MatchId gameId, int consecutiveFailures, java.time.Instant lastFailure,
                      java.time.Instant nextAttempt, String lastError) {}

    /** The result jobs not yet done, and the failing ones (most failures first, at most {@code limit}). */
    record JobsReport(long pending, List<FailingJob> failing) {}

    Future<JobsReport> jobs(int limit);
}
