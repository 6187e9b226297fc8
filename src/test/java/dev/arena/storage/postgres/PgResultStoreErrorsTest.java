package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/** Which failures of storing a result no retry can mend: data errors (class 22) and integrity violations (23). */
class PgResultStoreErrorsTest {

    private static PgException pg(String sqlState) {
        return new PgException("refused", "ERROR", sqlState, null);
    }

    @Test
    void dataAndIntegrityErrorsAreNeverStorable() {
        assertThat(PgResultStore.neverStorable(pg("22P05"))).isTrue(); // unsupported Unicode escape (JSONB NUL)
        assertThat(PgResultStore.neverStorable(pg("22021"))).isTrue(); // invalid byte sequence
        assertThat(PgResultStore.neverStorable(pg("23505"))).isTrue(); // unique violation
    }

    @Test
    void connectionAndOtherFailuresAreRetried() {
        assertThat(PgResultStore.neverStorable(pg("08006"))).isFalse(); // connection failure
        assertThat(PgResultStore.neverStorable(pg("57P01"))).isFalse(); // admin shutdown
        assertThat(PgResultStore.neverStorable(pg("40001"))).isFalse(); // serialization failure
        assertThat(PgResultStore.neverStorable(new IllegalStateException("pool closed"))).isFalse();
    }
}
