package dev.arena.storage.postgres;

import dev.arena.common.Niceness;
import dev.arena.config.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;

/** Builds the node's non-blocking, pipelined PostgreSQL pools: the main one, and a small one for results. */
public final class PgPools {
    private PgPools() {}

    /** How long a request waits for a free connection before it fails (and is answered "unavailable"). */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

    public static Pool create(Vertx vertx, DatabaseUrl url, int size) {
        return create(vertx, url, size, CONNECTION_WAIT);
    }

    /** How many requests may wait for a connection; one more fails at once, as an outage like a wait too long. */
    static final int MAX_WAITING = 10_000;

    static Pool create(Vertx vertx, DatabaseUrl url, int size, Duration connectionWait) {
        return create(vertx, url, size, connectionWait, MAX_WAITING);
    }

    /**
     * How long a bulk write waits for a connection of its own pool ({@link #lowered}). Its writes queue there by
     * design (500 matches ending at once, 4 connections): with {@link #CONNECTION_WAIT} most of them failed after
     * 5 s in line and went round their retries, and some ran out of attempts (measured, docs/BENCHMARKS.md
     * 2026-12-08). Only a database that is away for this long fails them.
     */
    static final Duration BULK_WAIT = Duration.ofMinutes(10);

    /**
     * A pool for bulk writes that queue for its few connections (waiting up to {@link #BULK_WAIT}), whose PostgreSQL
     * backends run {@code nice} steps below the server (each lowered once, as it connects, off the event loop): on a
     * database on this machine they then yield the cores to the event loops ({@link Niceness}). 0: not lowered.
     */
    public static Pool lowered(Vertx vertx, DatabaseUrl url, int size, int nice) {
        return build(vertx, url, size, BULK_WAIT, MAX_WAITING, nice);
    }

    static Pool create(Vertx vertx, DatabaseUrl url, int size, Duration connectionWait, int maxWaiting) {
        return build(vertx, url, size, connectionWait, maxWaiting, 0);
    }

    private static Pool build(Vertx vertx, DatabaseUrl url, int size, Duration connectionWait, int maxWaiting,
                              int nice) {
        PgConnectOptions connect = new PgConnectOptions();
        connect.setPipeliningLimit(256);
        connect.setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setPassword(url.password())
                .setCachePreparedStatements(true)
                .setMetricsName("arena");
        PoolOptions pool = new PoolOptions()
                .setMaxSize(size)
                .setMaxWaitQueueSize(maxWaiting)
                // a request waits at most this long for a connection, then fails (answered "unavailable", see
                // common.Outages): while the database is away or overloaded, callers get errors rather than silence
                .setConnectionTimeout((int) connectionWait.toMillis())
                .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setName("arena")
                .setShared(false);
        var builder = PgBuilder.pool().with(pool).connectingTo(connect).using(vertx);
        if (nice > 0) {
            // a new connection is handed out only after this handler closes it (back to the pool)
            builder = builder.withConnectHandler(conn -> conn.query("SELECT pg_backend_pid() AS pid").execute()
                    .compose(rows -> vertx.executeBlocking(() -> Niceness.lower(
                            rows.iterator().next().getInteger("pid"), nice), false))
                    .onComplete(done -> conn.close()));
        }
        return builder.build();
    }
}
