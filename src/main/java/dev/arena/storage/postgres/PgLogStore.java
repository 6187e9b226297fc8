package dev.arena.storage.postgres;

import dev.arena.common.Niceness;
import dev.arena.config.DatabaseUrl;
import dev.arena.logs.Batch;
import dev.arena.logs.LogJob;
import dev.arena.logs.LogStore;
import dev.arena.logs.RawRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Ingest's writes over JDBC, because COPY (the fastest way in) is a pgjdbc feature that vertx-pg-client lacks.
 * Every call blocks: only ingest threads use it. A running job holds a session-level advisory lock on its id, so a
 * second upload of the same job is refused while the first is alive, and a dead connection (a killed node)
 * releases it by itself.
 */
public final class PgLogStore implements LogStore {
    static final String JOB_COLUMNS = "id, status, lines, events, bad_lines, committed_offset, seconds, total_bytes, "
            + "raw, source, idempotency_key, error, created_at, finished_at";

    /** What an ingest's connection calls itself in pg_stat_activity. */
    public static final String APPLICATION_NAME = "arena-log-ingest";

    private final DatabaseUrl url;
    /** How many nice values an ingest's backend process is lowered by (Niceness); 0 = untouched. */
    private final int backendNice;
    private final PgLogPartitions partitions = new PgLogPartitions();
    private final PgLogIndexes indexes = new PgLogIndexes();

    public PgLogStore(DatabaseUrl url) {
        this(url, 0);
    }

    /**
     * {@code backendNice} above 0 lowers the priority of each ingest's backend process by so many steps (COPY and rollup
     * merges: most of an ingest's CPU), when the database is on this machine and run by this user (the embedded
     * one); anywhere else renice fails and Niceness warns once.
     */
    public PgLogStore(DatabaseUrl url, int backendNice) {
        this.url = url;
        this.backendNice = backendNice;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    @Override
    public Session open() throws SQLException {
        Connection c = connect();
        try {
            c.setClientInfo("ApplicationName", APPLICATION_NAME);
            if (backendNice > 0) {
                lowerBackend(c);
            }
            return new PgSession(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void lowerBackend(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Niceness.lower(rs.getLong(1), backendNice);
        }
    }

    @Override
    public java.util.List<UUID> interruptOrphans(Instant now) throws SQLException {
        java.util.List<UUID> marked = new java.util.ArrayList<>();
        try (Connection c = connect()) {
            java.util.List<UUID> running = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM log_jobs WHERE status = 'running'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    running.add(rs.getObject(1, UUID.class));
                }
            }
            for (UUID id : running) {
                // the lock an ingest holds for its job's whole run (PgSession.lock): free means nobody ingests it
                if (!tryLock(c, id)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE log_jobs SET status = 'interrupted', "
                        + "updated_at = ? WHERE id = ? AND status = 'running'")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, id);
                    if (ps.executeUpdate() == 1) {
                        marked.add(id);
                    }
                } finally {
                    unlock(c, id);
                }
            }
        }
        return marked;
    }

    static boolean tryLock(Connection c, UUID job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 13))")) {
            ps.setString(1, job.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void unlock(Connection c, UUID job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 13))")) {
            ps.setString(1, job.toString());
            ps.executeQuery().close();
        }
    }

    @Override
    public int dropRawBefore(Instant before) throws SQLException {
        try (Connection c = connect()) {
            return partitions.dropBefore(c, before);
        }
    }

    @Override
    public java.util.List<String> rebuildBloatedIndexes() throws SQLException {
        try (Connection c = connect()) {
            return indexes.rebuildBloated(c);
        }
    }

    static LogJob job(ResultSet rs) throws SQLException {
        long total = rs.getLong("total_bytes");
        Long totalBytes = rs.wasNull() ? null : total;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new LogJob(rs.getObject("id", UUID.class), rs.getString("status"), rs.getLong("lines"),
                rs.getLong("events"), rs.getLong("bad_lines"), rs.getLong("committed_offset"), rs.getDouble("seconds"),
                totalBytes, rs.getBoolean("raw"), rs.getString("source"), rs.getString("idempotency_key"),
                rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(), null);
    }

    /** One ingest's connection. */
    private final class PgSession implements Session {
        /** The ingest's raw-row chunks, reused batch after batch (PgRawRows). */
        private final PgRawRows.Chunks chunks = new PgRawRows.Chunks();
        private final Connection c;
        private final CopyManager copy;
        private UUID locked;
        /** A commit group's transaction is under way: appended raw rows wait for their checkpoint. */
        private boolean open;

        PgSession(Connection c) throws SQLException {
            this.c = c;
            this.copy = c.unwrap(PGConnection.class).getCopyAPI();
            PgLogRollups.prepare(c);
        }

        @Override
        public RawRows rawRows(UUID job) {
            return new PgRawRows(job, chunks);
        }

        @Override
        public Begin begin(BeginRequest r) throws SQLException {
            c.setAutoCommit(false);
            try {
                LogJob job = findOrCreate(r);
                if (job == null) {
                    c.rollback();
                    return null;
                }
                c.commit();
                if (job.finished()) {
                    return new Begin.Finished(job);
                }
                if (!lock(job.jobId())) {
                    return new Begin.Refused(job, "the job is being ingested by another upload");
                }
                // read again under the lock: the holder we waited out may have committed more
                job = load(job.jobId());
                if (job.finished()) {
                    unlock();
                    return new Begin.Finished(job);
                }
                if (r.offset() >= 0 && job.bytes() != r.offset()) { // -1: from wherever it stands (imports)
                    unlock();
                    return new Begin.Refused(job, "the job's committed offset is " + job.bytes());
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE log_jobs SET status = 'running', raw = ?, "
                        + "total_bytes = coalesce(?, total_bytes), updated_at = ? WHERE id = ?")) {
                    ps.setBoolean(1, r.raw());
                    ps.setObject(2, r.totalBytes());
                    ps.setTimestamp(3, Timestamp.from(r.now()));
                    ps.setObject(4, job.jobId());
                    ps.executeUpdate();
                }
                long kept;
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM log_bad_lines WHERE job_id = ?")) {
                    ps.setObject(1, job.jobId());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        kept = rs.getLong(1);
                    }
                }
                c.commit();
                return new Begin.Started(load(job.jobId()), kept);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }

        /** The job asked for (null when an id names none), or the key's job, or a new one. */
        private LogJob findOrCreate(BeginRequest r) throws SQLException {
            if (r.jobId() != null) {
                LogJob job = load(r.jobId());
                if (job == null || (r.key() != null && !r.key().equals(job.idempotencyKey()))) {
                    return null;
                }
                return job;
            }
            if (r.key() != null) {
                LogJob existing = loadByKey(r.key());
                if (existing != null) {
                    return existing;
                }
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_jobs (id, idempotency_key, source, "
                    + "created_by, status, raw, total_bytes, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, 'interrupted', ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")) {
                ps.setObject(1, id);
                ps.setString(2, r.key());
                ps.setString(3, r.source());
                ps.setObject(4, r.by());
                ps.setBoolean(5, r.raw());
                ps.setObject(6, r.totalBytes());
                ps.setTimestamp(7, Timestamp.from(r.now()));
                ps.setTimestamp(8, Timestamp.from(r.now()));
                if (ps.executeUpdate() == 0) {
                    return loadByKey(r.key()); // the same key, inserted at the same moment by another upload
                }
            }
            return load(id);
        }

        private LogJob load(UUID id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM log_jobs WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? job(rs) : null;
                }
            }
        }

        private LogJob loadByKey(String key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS
                    + " FROM log_jobs WHERE idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? job(rs) : null;
                }
            }
        }

        private boolean lock(UUID job) throws SQLException {
            if (tryLock(c, job)) {
                locked = job;
            }
            c.commit();
            return locked != null;
        }

        private void unlock() throws SQLException {
            if (locked != null) {
                PgLogStore.unlock(c, locked);
                c.commit();
                locked = null;
            }
        }

        @Override
        public boolean append(UUID job, Batch b) throws Exception {
            if (b.raw() == null || b.eventCount() == 0) {
                return true;
            }
            if (!open) {
                // a partition's DDL locks log_events: done before the group's transaction, never inside it (another
                // connection would wait for this transaction, which waits for it)
                for (Instant day : b.days()) {
                    partitions.ensure(c, day);
                }
            } else if (!partitions.known(b.days())) {
                return false;
            }
            c.setAutoCommit(false);
            open = true;
            try {
                PgLogRollups.copyRaw(copy, (PgRawRows) b.raw());
            } catch (Exception e) {
                rollback();
                throw e;
            }
            return true;
        }

        @Override
        public boolean commit(UUID job, long fromOffset, Batch b, double seconds, Instant now) throws Exception {
            c.setAutoCommit(false);
            open = true;
            try {
                PgLogRollups.write(c, copy, b);
                if (!b.badSamples().isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO log_bad_lines (job_id, line, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                        for (var s : b.badSamples()) {
                            ps.setObject(1, job);
                            ps.setLong(2, s.line());
                            ps.setString(3, s.reason());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                int moved;
                try (PreparedStatement ps = c.prepareStatement("UPDATE log_jobs SET committed_offset = ?, lines = ?, "
                        + "events = events + ?, bad_lines = bad_lines + ?, seconds = seconds + ?, updated_at = ? "
                        + "WHERE id = ? AND committed_offset = ?")) {
                    ps.setLong(1, b.endOffset());
                    ps.setLong(2, b.endLine());
                    ps.setLong(3, b.eventCount());
                    ps.setLong(4, b.badLines());
                    ps.setDouble(5, seconds);
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.setObject(7, job);
                    ps.setLong(8, fromOffset);
                    moved = ps.executeUpdate();
                }
                if (moved != 1) {
                    rollback(); // someone else moved the checkpoint: counting this group would count it twice
                    return false;
                }
                c.commit();
                open = false;
                return true;
            } catch (Exception e) {
                rollback();
                throw e;
            }
        }

        /** Drops what was appended since the last commit (a JDBC autocommit switch would commit it). */
        private void rollback() throws SQLException {
            open = false;
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }

        @Override
        public LogJob end(UUID job, String status, String error, double seconds, Instant now) throws SQLException {
            rollback();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("UPDATE log_jobs SET status = ?, error = ?, "
                    + "seconds = seconds + ?, updated_at = ?, finished_at = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setString(2, error);
                ps.setDouble(3, seconds);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, status.equals(LogJob.DONE) || status.equals(LogJob.FAILED)
                        ? Timestamp.from(now) : null);
                ps.setObject(6, job);
                ps.executeUpdate();
            }
            return load(job);
        }

        @Override
        public void close() {
            try {
                c.close(); // releases the advisory lock with the session
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
        }
    }
}
