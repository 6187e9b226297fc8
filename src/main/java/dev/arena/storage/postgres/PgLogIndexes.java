package dev.arena.storage.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the rollup index that ingests bloat: {@code log_player_days_top}, the covering index that lets
 * {@code GET /analytics/top} for a period read one type's days without the table.
 *
 * <p>Why it bloats: every commit group merges its sums into the day rows it touched, so a large ingest updates each
 * row many times (10 million events in 37 groups: 1.7 million updates of 180,000 rows). The sums are in the index
 * ({@code INCLUDE}), so no update is heap-only and each adds an index entry; PostgreSQL's bottom-up deletion spares
 * the primary key (its key did not change) but not this index. Measured after that ingest: 101 MB against 12 MB
 * rebuilt, and the top of a week took 127–146 ms (the planner gave up on the index for a parallel scan of the
 * table) against 21 ms after a rebuild (docs/BENCHMARKS.md). Vacuum frees the dead entries but not the pages.
 *
 * <p>So the index is compared with the table's primary key (the same rows, keys of about the same width, kept
 * tight by bottom-up deletion) and rebuilt with {@code REINDEX CONCURRENTLY} (ingests keep writing meanwhile) when it
 * is more than {@link #BLOAT_FACTOR} times as large. One node at a time (an advisory lock); a rebuild cut short by a
 * killed node leaves an invalid {@code _ccnew} index, which the next run drops first.
 */
final class PgLogIndexes {
    static final String TOP = "log_player_days_top";
    static final String REFERENCE = "log_player_days_pkey";
    static final int BLOAT_FACTOR = 3;
    /** Below this the index is too small to matter: no rebuild. */
    static final long MIN_BYTES = 8L << 20;

    private final long minBytes;

    PgLogIndexes() {
        this(MIN_BYTES);
    }

    PgLogIndexes(long minBytes) {
        this.minBytes = minBytes;
    }

    /** Rebuilds what is bloated (autocommit: REINDEX CONCURRENTLY cannot run in a transaction); returns the names. */
    List<String> rebuildBloated(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            if (!one(st, "SELECT pg_try_advisory_lock(hashtext('log_rollup_reindex'))").equals("t")) {
                return List.of(); // another node is at it
            }
            try {
                dropInvalidLeftovers(st);
                long index = Long.parseLong(one(st, "SELECT pg_relation_size('" + TOP + "')"));
                long reference = Long.parseLong(one(st, "SELECT pg_relation_size('" + REFERENCE + "')"));
                if (index < minBytes || index <= BLOAT_FACTOR * reference) {
                    return List.of();
                }
                st.execute("REINDEX INDEX CONCURRENTLY " + TOP);
                return List.of(TOP);
            } finally {
                st.execute("SELECT pg_advisory_unlock(hashtext('log_rollup_reindex'))");
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void dropInvalidLeftovers(Statement st) throws SQLException {
        List<String> invalid = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE NOT i.indisvalid AND c.relname LIKE '" + TOP + "_ccnew%'")) {
            while (rs.next()) {
                invalid.add(rs.getString(1));
            }
        }
        for (String name : invalid) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + name);
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
