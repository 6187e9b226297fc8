package dev.arena.logs;

import java.time.Clock;

/** The log-streaming feature as the HTTP edge sees it; {@code clock} judges analytics periods ("the last 24h"). */
public record Logs(LogIngest ingest, LogQueries queries, LogExport export, Clock clock) {}
