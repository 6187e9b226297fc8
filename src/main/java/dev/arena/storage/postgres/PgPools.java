package dev.arena.storage.postgres;

import dev.arena.config.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the node's one non-blocking, pipelined PostgreSQL pool. */
public final class PgPools {
    private PgPools() {}

    public static Pool create(Vertx vertx, DatabaseUrl url, int size) {
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
                .setMaxWaitQueueSize(10_000)
                // a request waits at most this long for a connection, then fails (answered "unavailable"): while
                // the database is away, callers get errors rather than silence
                .setConnectionTimeout(5)
                .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS)
                .setName("arena")
                .setShared(false);
        return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
    }
}
