package dev.arena.storage.postgres;

import dev.arena.config.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;

/** Builds the node's one non-blocking, pipelined PostgreSQL pool. */
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

    static Pool create(Vertx vertx, DatabaseUrl url, int size, Duration connectionWait, int maxWaiting) {
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
        return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
    }
}
