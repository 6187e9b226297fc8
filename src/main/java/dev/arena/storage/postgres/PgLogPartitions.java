package dev.arena.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code log_events}' daily partitions: made before an ingest writes a new day, dropped by retention. Both are DDL
 * that locks {@code log_events}, so neither runs inside an ingest's open commit group.
 */
final class PgLogPartitions {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /**
     * How long retention's DROP of a day may wait for the ingests' open commit groups (each holds log_events for
     * about ARENA_LOG_COMMIT_INTERVAL): everything that wants log_events queues behind a waiting DROP, so a stuck
     * holder must not stall them all; the DROP gives up and the next sweep tries again.
     */
    static final String DROP_LOCK_TIMEOUT = "10s";

    /** Daily partitions known to exist (created by this node or seen): skips the DDL round trip. */
    private final Set<Instant> known = ConcurrentHashMap.newKeySet();

    /** Whether every day is known to have its partition (a batch can go into an open transaction). */
    boolean known(Collection<Instant> days) {
        return known.containsAll(days);
    }

    /** Creates the day's partition unless it exists; in its own short transaction, outside any commit group's. */
    void ensure(Connection c, Instant day) throws SQLException {
        if (known.contains(day)) {
            return;
        }
        LocalDate d = LocalDate.ofInstant(day, ZoneOffset.UTC);
        String name = "log_events_" + DAY.format(d);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            // two ingests may want the same new day: the lock makes the second wait and then see the table
            st.execute("SELECT pg_advisory_xact_lock(hashtext('log_events_partitions'))");
            st.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF log_events FOR VALUES FROM ('"
                    + d + "T00:00:00Z') TO ('" + d.plusDays(1) + "T00:00:00Z')");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        known.add(day);
    }

    /** Drops the partitions whose day ends at or before {@code before} (autocommit); returns how many. */
    int dropBefore(Connection c, Instant before) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_inherits i "
                + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'log_events'::regclass");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        int dropped = 0;
        for (String name : names) {
            if (!name.matches("log_events_\\d{8}")) {
                continue;
            }
            LocalDate day = LocalDate.parse(name.substring("log_events_".length()), DAY);
            if (day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(before)) {
                continue;
            }
            try (var st = c.createStatement()) {
                st.execute("SET lock_timeout = '" + DROP_LOCK_TIMEOUT + "'");
                st.execute("DROP TABLE IF EXISTS " + name);
            } catch (SQLException e) {
                if (!"55P03".equals(e.getSQLState())) {
                    throw e;
                }
                continue; // lock_not_available: the next sweep tries again
            }
            known.remove(day.atStartOfDay(ZoneOffset.UTC).toInstant());
            dropped++;
        }
        return dropped;
    }
}
