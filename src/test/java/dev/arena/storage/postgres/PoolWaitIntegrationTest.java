package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Outages;
import dev.arena.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A request that finds every connection of the pool busy for longer than the pool's wait fails, and that failure is an
 * outage (answered 503 / "unavailable" with Retry-After), not an internal error with a stack trace: under an overload
 * the soak run found thousands of these logged as 500s.
 */
class PoolWaitIntegrationTest {
    @Test
    void aRequestThatWaitsTooLongForAConnectionIsAnOutage() {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgPools.create(vertx, TestDatabases.fresh(PoolWaitIntegrationTest.class), 1, Duration.ofMillis(500));
        try {
            SqlConnection held = firstConnection(pool);
            Throwable failure = pool.query("SELECT 1").execute().map(r -> (Throwable) null)
                    .otherwise(e -> e).await();
            Throwable connectionFailure = pool.getConnection().map(c -> (Throwable) null).otherwise(e -> e).await();
            held.close().await();
            assertThat(failure).as("the second request could not get a connection").isNotNull();
            assertThat(Outages.isOutage(failure)).as(failure.toString()).isTrue();
            assertThat(connectionFailure).as("nor could a getConnection()").isNotNull();
            assertThat(Outages.isOutage(connectionFailure)).as(connectionFailure.toString()).isTrue();
            assertThat(pool.query("SELECT 1").execute().await().size()).as("and the pool serves again").isEqualTo(1);
        } finally {
            pool.close().await();
            vertx.close().await();
        }
    }

    @Test
    void aRequestThatFindsTheWaitQueueFullIsAnOutageToo() {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgPools.create(vertx, TestDatabases.fresh(PoolWaitIntegrationTest.class), 1, Duration.ofSeconds(30),
                1);
        try {
            SqlConnection held = firstConnection(pool);
            var waiting = pool.query("SELECT 1").execute(); // takes the one place in the queue
            Throwable refused = pool.query("SELECT 1").execute().map(r -> (Throwable) null).otherwise(e -> e).await();
            held.close().await();
            assertThat(refused).as("no room to wait").isNotNull();
            assertThat(Outages.isOutage(refused)).as(refused.toString()).isTrue();
            assertThat(waiting.await().size()).as("the one waiting is served once a connection is free").isEqualTo(1);
        } finally {
            pool.close().await();
            vertx.close().await();
        }
    }

    /** The pool's one connection; opening it may itself outlast the short wait on a busy machine, so it is retried. */
    private static SqlConnection firstConnection(Pool pool) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                return pool.getConnection().await();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
