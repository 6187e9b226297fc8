package dev.arena.common;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means "the database (or another backing service) cannot be reached, or cannot keep up, right now"
 * rather than a bug: such failures are answered as {@code unavailable} (HTTP 503, socket error {@code unavailable}) without a
 * stack trace, because a retry later will do and the operator already sees the outage in {@code /health/ready}.
 */
public final class Outages {
    /**
     * The pool's answer when no connection came free within its connection time-out: the database is away, or too
     * busy to keep up. Vert.x raises one shared {@code VertxException} with this message and no type of its own for a
     * query, and a {@code NoStackTraceThrowable("Timeout")} for {@code getConnection()}.
     */
    static final String POOL_WAIT_TIMEOUT = "Timeout waiting for connection";

    /** What a client is told when its request fails this way. */
    public static final String ANSWER = "the database cannot be reached or is too busy right now; try again shortly";

    private Outages() {}

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // ConnectionPoolTooBusyException: the pool's wait queue is full (a request beyond PgPools.MAX_WAITING);
            // Vert.x uses its HTTP client's type for every pool. The soak at load 33 found it logged as a 500 with a
            // stack trace per request, thousands a second, which made the overload worse.
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    || t instanceof TimeoutException || t instanceof ConnectionPoolTooBusyException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && unreachable(pg.getSqlState())) {
                return true;
            }
            if (t instanceof VertxException && POOL_WAIT_TIMEOUT.equals(t.getMessage())
                    || t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Connection exceptions (class 08), the server shutting down or refusing connections (57P01..57P03), too many
     * connections (53300), and a database not accepting connections (55000, {@code ALLOW_CONNECTIONS false}).
     */
    private static boolean unreachable(String state) {
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.equals("55000");
    }
}
