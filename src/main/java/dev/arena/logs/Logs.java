package dev.arena.logs;

import java.time.Clock;

/**
 * The log-streaming feature as the HTTP edge sees it; {@code imports} is null when ARENA_LOG_IMPORT_DIR is unset;
 * {@code clock} judges analytics periods ("the last 24h").
 */
public record Logs(LogIngest ingest, LogQueries queries, LogExport export, LogImports imports, Clock clock) {}
