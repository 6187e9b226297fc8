package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.config.DatabaseUrl;
import dev.arena.logs.LogEvent;
import dev.arena.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A batch's raw events encoded as they are read, in chunks an ingest reuses batch after batch: every row arrives
 * whole (also one that spans two chunks), a second batch on reused chunks carries only its own rows, and a batch
 * is written once.
 */
class PgRawRowsIntegrationTest {

    private static List<LogEvent> events(int n, String tag, Instant t0) {
        List<LogEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String data = i % 1_000 == 7 ? "{\"blob\": \"" + "x".repeat(70_000) + "\"}" : i % 3 == 0 ? null : "{\"i\": " + i + "}";
            out.add(new LogEvent(t0.plusMillis(i), "g-" + tag + (i % 50), "arena_battle", "p-" + (i % 700), "kill",
                    i % 100, data));
        }
        return out;
    }

    private static void copy(CopyManager copy, PgRawRows rows) throws Exception {
        CopyIn in = copy.copyIn("COPY raw_rows FROM STDIN (FORMAT binary)");
        rows.copyTo(in);
        in.endCopy();
    }

    @Test
    void rowsSpanningChunksArriveWholeAndReusedChunksCarryOnlyTheirBatch() throws Exception {
        DatabaseUrl db = TestDatabases.fresh(PgRawRowsIntegrationTest.class);
        UUID job = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-12-01T10:00:00.123456Z");
        List<LogEvent> first = events(30_000, "a", t0);
        List<LogEvent> second = events(12_000, "b", t0.plusSeconds(3_600));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE raw_rows (ts timestamptz, game_id text, mode text, player_id text, type text, "
                    + "value double precision, data jsonb, job_id uuid, line bigint)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            PgRawRows.Chunks pool = new PgRawRows.Chunks();

            PgRawRows a = new PgRawRows(job, pool);
            for (int i = 0; i < first.size(); i++) {
                a.add(first.get(i), i + 1);
            }
            copy(copy, a);
            assertThatThrownBy(() -> a.copyTo(null)).as("its chunks are back in the pool")
                    .isInstanceOf(IllegalStateException.class);
            PgRawRows b = new PgRawRows(job, pool); // fills the chunks the first batch gave back
            for (int i = 0; i < second.size(); i++) {
                b.add(second.get(i), 100_000 + i);
            }
            copy(copy, b);

            assertThat(count(st, "SELECT count(*) FROM raw_rows")).isEqualTo(42_000);
            assertThat(count(st, "SELECT count(*) FROM raw_rows WHERE line <= 30000 AND game_id LIKE 'g-a%'"))
                    .isEqualTo(30_000);
            assertThat(count(st, "SELECT count(*) FROM raw_rows WHERE line >= 100000 AND game_id LIKE 'g-b%'"))
                    .isEqualTo(12_000);
            assertThat(count(st, "SELECT count(*) FROM raw_rows WHERE length(data->>'blob') = 70000")).isEqualTo(42);
            assertThat(count(st, "SELECT count(*) FROM raw_rows WHERE data IS NULL"))
                    .isEqualTo(first.stream().filter(e -> e.data() == null).count()
                            + second.stream().filter(e -> e.data() == null).count());
            assertThat(count(st, "SELECT sum(value)::bigint FROM raw_rows"))
                    .isEqualTo(first.stream().mapToLong(e -> (long) e.value()).sum()
                            + second.stream().mapToLong(e -> (long) e.value()).sum());
            try (ResultSet rs = st.executeQuery("SELECT ts, player_id, data->>'i', job_id FROM raw_rows WHERE line = 100005")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).isEqualTo(second.get(5).ts());
                assertThat(rs.getString(2)).isEqualTo("p-5");
                assertThat(rs.getString(3)).isEqualTo("5");
                assertThat(rs.getObject(4)).isEqualTo(job);
            }
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
