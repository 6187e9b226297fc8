package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Niceness;
import dev.arena.config.DatabaseUrl;
import dev.arena.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pool that stores finished matches lowers its backends' CPU priority before a connection is first used: a
 * round of matches ending at once then yields the core to the event loops instead of stretching the collector's
 * pauses (docs/BENCHMARKS.md, 2026-12-08). The test database runs on this machine, as the embedded one does.
 */
class LoweredPoolIntegrationTest {
    private static final int STEPS = 5;

    @Test
    void everyBackendOfALoweredPoolRunsStepsBelowTheServerAndAnOrdinaryPoolsDoNot() {
        Vertx vertx = Vertx.vertx();
        DatabaseUrl db = TestDatabases.fresh(LoweredPoolIntegrationTest.class);
        Pool lowered = PgPools.lowered(vertx, db, 3, STEPS);
        Pool ordinary = PgPools.create(vertx, db, 1);
        try {
            int base = Niceness.of(backend(ordinary)).orElseThrow();
            Set<Integer> seen = new HashSet<>();
            // three connections at once: each is lowered as it connects, before its first query
            var held = java.util.List.of(lowered.getConnection().await(), lowered.getConnection().await(),
                    lowered.getConnection().await());
            for (var c : held) {
                int pid = c.query("SELECT pg_backend_pid() AS pid").execute().await().iterator().next()
                        .getInteger("pid");
                seen.add(pid);
                assertThat(Niceness.of(pid).orElseThrow()).as("backend %d", pid)
                        .isEqualTo(Math.min(Niceness.MAX, base + STEPS));
            }
            held.forEach(c -> c.close().await());
            assertThat(seen).hasSize(3);
            assertThat(Niceness.of(backend(ordinary)).orElseThrow()).isEqualTo(base);
        } finally {
            lowered.close().await();
            ordinary.close().await();
            vertx.close().await();
        }
    }

    /**
     * A bulk write waits its turn for a connection past the ordinary pool's wait (5 s), which made most of 500
     * results ending at once fail in line and go round their retries. Real time: the pool's wait is its own timer.
     */
    @Test
    void aWriteWaitsItsTurnLongerThanAnOrdinaryRequestWould() {
        Vertx vertx = Vertx.vertx();
        Pool lowered = PgPools.lowered(vertx, TestDatabases.fresh(LoweredPoolIntegrationTest.class), 1, 0);
        try {
            var held = lowered.getConnection().await();
            var queued = lowered.query("SELECT 1 AS one").execute();
            long holdMs = PgPools.CONNECTION_WAIT.toMillis() + 1_000;
            io.vertx.core.Promise<Void> released = io.vertx.core.Promise.promise();
            vertx.setTimer(holdMs, t -> held.close().onComplete(released));
            released.future().await();
            assertThat(queued.await().iterator().next().getInteger("one")).isEqualTo(1);
        } finally {
            lowered.close().await();
            vertx.close().await();
        }
    }

    private static int backend(Pool pool) {
        return pool.query("SELECT pg_backend_pid() AS pid").execute().await().iterator().next().getInteger("pid");
    }
}
