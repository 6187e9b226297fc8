package dev.arena.results;

import dev.arena.common.Json;
import dev.arena.match.EventLog;
import dev.arena.match.MatchEnd;
import dev.arena.match.MatchId;
import dev.arena.match.MatchListener;
import dev.arena.match.TickFrame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every finished match of this node (result, log and its jobs, one transaction) as soon as it ends, then
 * wakes the job scheduler. Storing is retried 8 times over about a minute (0.5 s doubling) when the database is
 * unreachable, and not at all when the data can never be stored ({@link ResultStore.Unstorable}); a result given
 * up on is kept as a failed job for admins and logged in full at error level, as is one still pending when the
 * node stops, since the match lived only in memory.
 */
public final class ResultRecorder implements MatchListener, dev.arena.match.StoredResults {
    private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);
    static final int ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private final Vertx vertx;
    private final ResultStore store;
    private final ResultJobs jobs;
    private final String node;
    private final Predicate<String> relayedMode;
    private volatile boolean halted;
    private final Clock clock;
    /** Results being stored (or retried), with what to log if the node stops before they are. */
    private final Map<Future<Boolean>, FinishedMatch> pending = new ConcurrentHashMap<>();
    /**
     * The storage outcome of each match ended lately, for {@link #stored}: a waiter may ask before the end reaches
     * this recorder (the reply to a report goes out in the tick that ends the match) or after it was stored. The
     * oldest are dropped beyond {@link #OUTCOMES} entries.
     */
    private final Map<MatchId, Promise<Void>> outcomes = new java.util.LinkedHashMap<>();
    private static final int OUTCOMES = 4096;

    /**
     * @param relayedMode whether a mode's results are reported by clients rather than decided by the server
     */
    public ResultRecorder(Vertx vertx, ResultStore store, ResultJobs jobs, String node, Predicate<String> relayedMode,
                          Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.jobs = jobs;
        this.node = node;
        this.relayedMode = relayedMode;
        this.clock = clock;
    }

    @Override
    public void frame(TickFrame frame) {
        // only the end matters here
    }

    /**
     * What a crash does to this recorder (tests simulate one with {@code ArenaNode.crash}): matches ending from now
     * on are not stored, as a killed process stores nothing of the matches it was running.
     */
    public void halt() {
        halted = true;
    }

    @Override
    public void ended(MatchEnd end) {
        Promise<Void> outcome = outcome(end.match());
        if (halted) {
            log.info("match {}: result not stored, the node is crashing", end.match());
            outcome.tryFail("the node is crashing");
            return;
        }
        FinishedMatch match = new FinishedMatch(end.match(), end.mode(), end.result(), clock.instant());
        Promise<Boolean> done = Promise.promise();
        pending.put(done.future(), match);
        done.future().onComplete(ar -> pending.remove(done.future()));
        done.future().onComplete(ar -> {
            if (ar.succeeded()) {
                outcome.tryComplete();
            } else {
                outcome.tryFail(ar.cause());
            }
        });
        // the log's JSON is written by the store when a connection is ready for it, off the event loop
        StoredMatch stored = new StoredMatch(match, end.finalTick(), end.log().tickRate(), node,
                relayedMode.test(end.mode()), end.reportedBy(), end.log().players(), end.friendsOnly(), null);
        attempt(stored, end.log(), 1, done);
    }

    private void attempt(StoredMatch stored, EventLog<?> matchLog, int n, Promise<Boolean> done) {
        store.record(stored, matchLog, jobs.taskNames()).onComplete(ar -> {
            if (ar.succeeded()) {
                jobs.wake();
                done.tryComplete(ar.result());
            } else if (n < ATTEMPTS && !(ar.cause() instanceof ResultStore.Unstorable)) {
                long delay = FIRST_RETRY.toMillis() << (n - 1);
                log.warn("match {}: storing the result failed (attempt {} of {}, next in {} ms): {}",
                        stored.match().id(), n, ATTEMPTS, delay, ar.cause().toString());
                vertx.setTimer(delay, t -> attempt(stored, matchLog, n + 1, done));
            } else {
                gaveUp(stored, matchLog, n, ar.cause(), done);
            }
        });
    }

    @Override
    public Future<Void> stored(MatchId id) {
        return outcome(id).future();
    }

    private synchronized Promise<Void> outcome(MatchId id) {
        Promise<Void> p = outcomes.computeIfAbsent(id, k -> Promise.promise());
        if (outcomes.size() > OUTCOMES) {
            var oldest = outcomes.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return p;
    }

    /**
     * Keeps the result as a failed job for admins ({@code GET /admin/jobs}); when even that cannot be stored, the
     * error log line is the only record.
     */
    private void gaveUp(StoredMatch stored, EventLog<?> matchLog, int attempts, Throwable cause,
                        Promise<Boolean> done) {
        // a refused value says why in its message; any other failure needs its kind too
        String error = cause instanceof ResultStore.Unstorable ? cause.getMessage() : cause.toString();
        store.recordUnstored(stored, matchLog, jobs.taskNames(), error, clock.instant()).onComplete(kept -> {
            if (kept.succeeded()) {
                log.error("match {}: result NOT stored after {} attempt(s), kept as a failed job: {}",
                        stored.match().id(), attempts, stored.match().result(), cause);
            } else {
                log.error("match {}: result NOT stored after {} attempt(s), nor kept as a failed job ({}): {}",
                        stored.match().id(), attempts, kept.cause().toString(), stored.match().result(), cause);
            }
            done.tryFail(cause);
        });
    }

    /** Completes when every result this node is still storing has been stored (or given up): for shutdown. */
    public Future<Void> drained() {
        return Future.join(List.copyOf(pending.keySet())).mapEmpty();
    }

    /**
     * The node stops before these results could be stored (the database stayed unreachable): logs each one in
     * full at error level, the only record left of them.
     */
    public void logUnstored() {
        pending.values().forEach(m -> log.error("match {} ({}) NOT stored, the node is stopping: {}", m.id(), m.mode(),
                Json.encodeToString(m.result())));
    }
}
