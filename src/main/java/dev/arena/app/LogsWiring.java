package dev.arena.app;

import dev.arena.config.DatabaseUrl;
import dev.arena.config.LogsConfig;
import dev.arena.logs.BadShare;
import dev.arena.logs.LogFeed;
import dev.arena.logs.LogImports;
import dev.arena.logs.LogIngest;
import dev.arena.logs.LogRetention;
import dev.arena.logs.Logs;
import dev.arena.logs.RollupIndexUpkeep;
import dev.arena.room.RoomStream;
import dev.arena.storage.postgres.PgLogExport;
import dev.arena.storage.postgres.PgLogQueries;
import dev.arena.storage.postgres.PgLogStore;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * Game-log streaming (docs/LOGS.md): ingests run on their own threads over JDBC (COPY), report progress into
 * {@code logs:{job}} rooms, and reads go through the pool; retention drops old daily partitions; imports from
 * {@code ARENA_LOG_IMPORT_DIR} run as durable jobs when the directory is configured.
 */
final class LogsWiring {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogsWiring.class);
    private final LogIngest ingest;
    private final LogRetention retention;
    private final RollupIndexUpkeep indexUpkeep;
    /** Null without ARENA_LOG_IMPORT_DIR. */
    private final LogImports imports;
    final Logs logs;

    LogsWiring(LogsConfig config, DatabaseUrl database, boolean embedded, Pool pool, Vertx vertx, RoomStream rooms,
               String nodeId, Clock clock) {
        // an ingest's backend is lowered only on the embedded database: a process id from elsewhere means nothing here
        PgLogStore store = new PgLogStore(database, embedded ? config.nice() : 0);
        interruptOrphans(store, clock);
        long heap = Runtime.getRuntime().maxMemory();
        int jobs = LogIngest.jobsTheHeapHolds(config.maxJobs(), config.batchEvents(), heap);
        if (jobs < config.maxJobs()) {
            log.warn("ARENA_LOG_JOBS={} but this heap ({} MB) holds {} log ingest(s) at once: more get 503 (a larger "
                    + "-Xmx in ARENA_JAVA_OPTS lifts it; docs/LOGS.md, Bounded memory)", config.maxJobs(), heap >> 20,
                    jobs);
        }
        ingest = new LogIngest(store, new LogFeed(rooms, clock), clock, new LogIngest.Settings(
                new BadShare(config.badShare()), config.batchEvents(), jobs, config.commitInterval(), config.nice()));
        retention = new LogRetention(vertx, store, clock, config.retention());
        indexUpkeep = new RollupIndexUpkeep(vertx, store);
        imports = config.importDir().map(dir -> new LogImports(dir, database, ingest, nodeId, clock)).orElse(null);
        logs = new Logs(ingest, new PgLogQueries(pool), new PgLogExport(pool), imports, clock);
    }

    /**
     * A node killed mid-ingest left its job {@code running}; at start, every job no live ingest holds is marked
     * {@code interrupted} (resumable from its committed offset), so the API does not show it running forever.
     */
    private static void interruptOrphans(PgLogStore store, Clock clock) {
        try {
            var marked = store.interruptOrphans(clock.instant());
            if (!marked.isEmpty()) {
                log.info("log jobs left running by a stopped node, now interrupted (resumable): {}", marked);
            }
        } catch (Exception e) {
            log.warn("could not mark orphaned log jobs as interrupted: {}", e.getMessage());
        }
    }

    /**
     * Graceful stop: running uploads commit what they read and answer "interrupted", so their clients resume
     * elsewhere; imports stop at their next checkpoint.
     */
    void stop() {
        retention.close();
        indexUpkeep.close();
        if (imports != null) {
            Wiring.quietly("stop log imports", imports::close);
        }
        Wiring.quietly("stop log ingests", ingest::close);
    }

    /** As a killed process: no commit after this instant. */
    void halt() {
        if (imports != null) {
            imports.close();
        }
        ingest.halt();
    }
}
