package dev.arena.logs;

import java.time.Instant;
import java.util.UUID;

/**
 * Where ingest writes: blocking, one {@link Session} (one database connection) per running ingest, used only by
 * that ingest's thread. Implemented by {@code storage.postgres.PgLogStore} with COPY.
 */
public interface LogStore {

    Session open() throws Exception;

    /**
     * Marks {@code interrupted} every {@code running} job whose ingest is gone (a node killed mid-upload leaves its
     * job {@code running}): a live ingest holds its job's lock, so a job whose lock is free has no owner anywhere in
     * the cluster. Its committed offset stays; the job resumes from there. Returns the jobs marked.
     */
    java.util.List<UUID> interruptOrphans(Instant now) throws Exception;

    /** Drops raw-event partitions that end at or before {@code before}; returns how many. Rollups stay. */
    int dropRawBefore(Instant before) throws Exception;

    /** Rebuilds the rollup indexes that ingests bloated beyond their tables (see PgLogIndexes); returns their names. */
    java.util.List<String> rebuildBloatedIndexes() throws Exception;

    /**
     * What an ingest asks for when it starts. {@code jobId} and {@code key} may be null; {@code offset} -1 continues
     * from the committed offset, whatever it is (a server-side import reads the file itself).
     */
    record BeginRequest(UUID jobId, String key, long offset, boolean raw, UUID by, String source, Long totalBytes,
                        Instant now) {}

    /** How a start went. */
    sealed interface Begin {
        /** The job is this session's until it is closed: read from {@code job.bytes()}. */
        record Started(LogJob job, long samplesKept) implements Begin {}

        /** The job (same key, or the id asked for) is finished: its result is the answer. */
        record Finished(LogJob job) implements Begin {}

        /** The job exists but cannot continue from the asked offset now; {@code job.bytes()} says where it can. */
        record Refused(LogJob job, String why) implements Begin {}
    }

    interface Session extends AutoCloseable {
        Begin begin(BeginRequest request) throws Exception;

        /** An empty holder for one batch's raw events of the job, encoded for {@link #append} as they come. */
        RawRows rawRows(UUID job);

        /**
         * Writes the batch's raw events (when it keeps them) into the transaction under way, opening one if none is:
         * nothing is committed, and nothing is kept unless a {@link #commit} follows. Returns false, writing nothing,
         * when the batch needs what cannot be done inside an open transaction (a new day's partition): commit what
         * is open first, then append again.
         */
        boolean append(UUID job, Batch batch) throws Exception;

        /**
         * Merges a commit group's rollups (one or more batches folded into {@code group}, whose raw events were
         * appended), its bad-line samples and the new checkpoint ({@code group}'s end) into the transaction under
         * way and commits it all, if the job's committed offset is still {@code fromOffset}; otherwise rolls back
         * everything since the last commit and returns false.
         */
        boolean commit(UUID job, long fromOffset, Batch group, double seconds, Instant now) throws Exception;

        /**
         * Sets the job's final (or interrupted) status and returns it. Rolls back what was appended and not
         * committed first: raw rows without their checkpoint must never be kept.
         */
        LogJob end(UUID job, String status, String error, double seconds, Instant now) throws Exception;

        @Override
        void close();
    }
}
