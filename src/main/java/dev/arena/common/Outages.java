package dev.arena.common;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means "the database (or another backing service) cannot be reached right now" rather than a
 * bug: such failures are answered as {@code unavailable} (HTTP 503, socket error {@code unavailable}) without a
 * stack trace, because a retry later will do and the operator already sees the outage in {@code /health/ready}.
 */
public final class Outages {
    private Outages() {}

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && unreachable(pg.getSqlState())) {
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
