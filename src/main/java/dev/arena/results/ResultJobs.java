package dev.arena.results;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arena.config.DatabaseUrl;
import dev.arena.config.JobsConfig;
import dev.arena.match.MatchId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link ResultStep} of every stored result as a durable db-scheduler job: one task per step
 * ({@code result.<step>}), one execution per game (the instance id is the game id). The executions are inserted
 * by {@link ResultStore#record} in the result's own transaction, so nothing is lost between storing and
 * scheduling; db-scheduler then guarantees that each runs to success on some node: a failure is retried with a
 * doubling backoff (capped), and an execution whose node died is picked up again by another node once its
 * heartbeats stop. Steps are idempotent, so a second run changes nothing.
 *
 * <p>db-scheduler is a blocking JDBC library: it has its own threads and a small Hikari pool, never the event
 * loops'. A job thread waits for the step's future, bounded by {@link JobsConfig#timeout()}.
 */
public final class ResultJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResultJobs.class);
    static final String TASK_PREFIX = "result.";

    private final HikariDataSource dataSource;
    private final Scheduler scheduler;
    private final List<String> taskNames;

    private ResultJobs(HikariDataSource dataSource, Scheduler scheduler, List<String> taskNames) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.taskNames = taskNames;
    }

    /** Starts polling for due jobs at once. */
    public static ResultJobs start(DatabaseUrl url, JobsConfig config, String node, ResultStore store,
                                   List<ResultStep> steps, MeterRegistry metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user());
        hikari.setPassword(url.password());
        hikari.setPoolName("arena-jobs");
        // every job thread may hold a connection while it marks its execution, plus the poller and heartbeats
        hikari.setMaximumPoolSize(config.threads() + 2);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            List<Task<?>> tasks = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ResultStep step : steps) {
                names.add(TASK_PREFIX + step.name());
                tasks.add(task(step, store, config, metrics, dataSource));
            }
            Scheduler scheduler = Scheduler.create(dataSource, tasks)
                    .threads(config.threads())
                    .pollingInterval(config.pollInterval())
                    .heartbeatInterval(config.heartbeat())
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    // picked_by names the node (the host name would be the same for nodes on one machine)
                    .schedulerName(new SchedulerName.Fixed(node))
                    .build();
            scheduler.start();
            return new ResultJobs(dataSource, scheduler, List.copyOf(names));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static Task<Void> task(ResultStep step, ResultStore store, JobsConfig config, MeterRegistry metrics,
                                   DataSource dataSource) {
        String name = TASK_PREFIX + step.name();
        Counter ok = Counter.builder("arena_result_jobs").tag("step", step.name()).tag("outcome", "success")
                .description("result jobs run, by step and outcome").register(metrics);
        Counter failed = Counter.builder("arena_result_jobs").tag("step", step.name()).tag("outcome", "failure")
                .description("result jobs run, by step and outcome").register(metrics);
        return Tasks.oneTime(name)
                .onFailure(new CappedBackoff(config.retryFirst(), config.retryMax(), dataSource))
                .execute((instance, ctx) -> {
                    MatchId id = new MatchId(UUID.fromString(instance.getId()));
                    try {
                        FinishedMatch match = await(store.load(id), config.timeout()).orElse(null);
                        if (match == null) {
                            log.warn("{}: match {} is not stored; nothing to do", name, id);
                        } else {
                            await(step.apply(match), config.timeout());
                        }
                        ok.increment();
                    } catch (RuntimeException e) {
                        failed.increment();
                        log.warn("{} failed for match {} (will retry): {}", name, id, e.toString());
                        throw e;
                    }
                });
    }

    private static <T> T await(Future<T> f, Duration timeout) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** The job names to schedule for each stored result (what {@link ResultStore#record} inserts). */
    public List<String> taskNames() {
        return taskNames;
    }

    /**
     * Looks for due jobs now rather than at the next poll: called after this node stored a result, so ratings and
     * leaderboards follow a match within milliseconds. (The jobs are inserted by our own transaction, not through
     * db-scheduler's client, so its "immediate execution" option would not see them.)
     */
    public void wake() {
        scheduler.triggerCheckForDueExecutions();
    }

    /** Graceful: stops taking jobs and waits briefly for running ones. */
    @Override
    public void close() {
        scheduler.stop();
        dataSource.close();
    }

    /**
     * What a killed process leaves behind: db-scheduler's connections go first, so running jobs can neither be
     * marked done nor heartbeat, and stay picked until another node sees them dead and runs them again (their
     * steps' own work may still commit through the node's pool; steps are idempotent). Tests use it.
     */
    public void halt() {
        dataSource.close();
        scheduler.stop();
    }

    /** Retries after {@code first}, then twice as long each time, never longer than {@code max}. */
    static final class CappedBackoff implements FailureHandler<Void> {
        /** The longest error text kept (the console shows it; the log has the whole exception). */
        static final int MAX_ERROR = 500;
        private final Duration first;
        private final Duration max;
        private final DataSource dataSource;

        CappedBackoff(Duration first, Duration max, DataSource dataSource) {
            this.first = first;
            this.max = max;
            this.dataSource = dataSource;
        }

        Duration delay(int consecutiveFailures) {
            int doublings = Math.min(Math.max(consecutiveFailures, 0), 30);
            Duration d = first.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 || d.isNegative() ? max : d;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            // consecutive failures before this one: 0 on the first failure
            int before = complete.getExecution().consecutiveFailures;
            Instant next = complete.getTimeDone().plus(delay(before));
            operations.reschedule(complete, next);
            String error = complete.getCause().map(Throwable::toString).orElse("failed");
            recordError(complete.getExecution().taskInstance, error.length() > MAX_ERROR
                    ? error.substring(0, MAX_ERROR) : error);
        }

        /** Keeps the error beside the rescheduled job (V13_1); on a db-scheduler thread, which may block. */
        private void recordError(TaskInstance<?> job, String error) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE scheduled_tasks SET last_error = ? WHERE task_name = ? AND task_instance = ?")) {
                s.setString(1, error);
                s.setString(2, job.getTaskName());
                s.setString(3, job.getId());
                s.executeUpdate();
            } catch (SQLException e) {
                // only the console's text is lost; the retry itself is already scheduled
                log.warn("could not keep the error of job {}: {}", job, e.toString());
            }
        }
    }
}
