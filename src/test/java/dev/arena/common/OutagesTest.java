package dev.arena.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutagesTest {
    @Test
    void anUnreachableDatabaseIsAnOutage() {
        assertThat(Outages.isOutage(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(Outages.isOutage(new ConnectException("Connection refused"))).isTrue();
        assertThat(Outages.isOutage(new TimeoutException("Timeout waiting for connection"))).isTrue();
        assertThat(Outages.isOutage(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
        assertThat(Outages.isOutage(new PgException("not accepting connections", "FATAL", "55000", null))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException("wrapped", new ConnectException("refused")))).isTrue();
    }

    @Test
    void aBugOrABadValueIsNot() {
        assertThat(Outages.isOutage(new IllegalStateException("bug"))).isFalse();
        assertThat(Outages.isOutage(new PgException("unique violation", "ERROR", "23505", null))).isFalse();
        assertThat(Outages.isOutage(new PgException("bad value", "ERROR", "22P05", null))).isFalse();
        assertThat(Outages.isOutage(new ArenaException.Invalid("x", "bad"))).isFalse();
    }
}
