package dev.arena.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.DatabaseUrl;
import dev.arena.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The covering top index is rebuilt once updates bloated it, not before; the rows it answers stay the same. */
class PgLogIndexesIntegrationTest {
    private static final String TOP_WEEK = "SELECT player_id, sum(value_sum) FROM log_player_days "
            + "WHERE type = 'kill' AND day >= '2026-12-01T00:00:00Z' GROUP BY player_id ORDER BY 2 DESC, 1 LIMIT 5";

    private static DatabaseUrl db;

    @BeforeAll
    static void migrate() {
        db = TestDatabases.fresh(PgLogIndexesIntegrationTest.class); // one migrated database for both (5 s each)
        Migrations.migrate(db);
    }

    @Test
    void theTopIndexIsRebuiltWhenMergesHaveBloatedItAndOnlyThen() throws Exception {
        PgLogIndexes indexes = new PgLogIndexes(0);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO log_player_days (player_id, type, day, events, value_sum) "
                    + "SELECT 'p-' || p, t, timestamptz '2026-12-01T00:00:00Z' + d * interval '1 day', 1, p % 97 "
                    + "FROM generate_series(1, 2000) p, unnest(array['kill', 'death']) t, generate_series(0, 2) d");
            assertThat(indexes.rebuildBloated(c)).as("freshly filled: nothing to rebuild").isEmpty();

            // what commit groups do to it: every row's sums merged again and again
            for (int i = 0; i < 12; i++) {
                st.execute("UPDATE log_player_days SET events = events + 1, value_sum = value_sum + 1");
            }
            long bloated = size(st, PgLogIndexes.TOP);
            assertThat(bloated).isGreaterThan(PgLogIndexes.BLOAT_FACTOR * size(st, PgLogIndexes.REFERENCE));
            List<String> before = rows(st, TOP_WEEK);

            assertThat(indexes.rebuildBloated(c)).containsExactly(PgLogIndexes.TOP);
            assertThat(size(st, PgLogIndexes.TOP)).isLessThan(bloated / 4);
            assertThat(rows(st, TOP_WEEK)).isEqualTo(before);
            assertThat(indexes.rebuildBloated(c)).as("rebuilt: nothing left to do").isEmpty();
            assertThat(rows(st, "SELECT relname, 1 FROM pg_class WHERE relname LIKE 'log_player_days_top%'"))
                    .containsExactly(PgLogIndexes.TOP + "=1"); // no copy left behind
        }
    }

    @Test
    void aRebuildCutShortLeavesAnInvalidIndexThatTheNextRunDrops() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            // what a node killed during REINDEX CONCURRENTLY leaves: an invalid copy, kept up to date by every write
            st.execute("CREATE INDEX log_player_days_top_ccnew ON log_player_days (type, day)");
            st.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'log_player_days_top_ccnew'::regclass");
            new PgLogIndexes().rebuildBloated(c);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'log_player_days_top_ccnew'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            assertThat(size(st, PgLogIndexes.TOP)).isPositive(); // the real index is untouched
        }
    }

    private static long size(Statement st, String index) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT pg_relation_size('" + index + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return out;
    }
}
