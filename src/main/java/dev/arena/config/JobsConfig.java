package dev.arena.config;

import java.time.Duration;

/**
 * The durable background jobs (db-scheduler) that carry match results into ratings, stats and leaderboards.
 *
 * @param threads      jobs one node runs at once
 * @param pollInterval how often a node looks for due jobs (a node that stores a result also wakes its own
 *                     scheduler at once, so this bounds the delay only for retries and for other nodes' jobs)
 * @param heartbeat    how often a running job says it is alive; a job silent for six heartbeats (its node died)
 *                     is run again by another node
 * @param retryFirst   wait before the first retry of a failed job; doubled after each failure ...
 * @param retryMax     ... up to this
 * @param timeout      a job still running after this counts as failed (and is retried)
 * @param resultConnections connections of the pool that stores finished matches: at most this many results (and
 *                     their logs' JSON) are on their way to the database at once
 * @param resultNice   nice steps for those connections' backends when the database is the embedded one
 */
public record JobsConfig(int threads, Duration pollInterval, Duration heartbeat, Duration retryFirst,
                         Duration retryMax, Duration timeout, int resultConnections, int resultNice) {}
