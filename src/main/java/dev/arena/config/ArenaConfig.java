package dev.arena.config;

import dev.arena.match.MatchConfig;

/**
 * The whole configuration of one Arena node: immutable, validated once by {@link ConfigLoader}, one record per
 * section (keys, defaults and meanings in {@code ConfigKeys} and the README).
 *
 * @param match how each match on this node is run (the seat count stays per match)
 * @param logs  game-log streaming (docs/LOGS.md)
 */
public record ArenaConfig(
        HttpConfig http,
        DatabaseConfig database,
        TokenConfig tokens,
        LogConfig log,
        ClusterConfig cluster,
        WsLimits ws,
        ChatConfig chat,
        JobsConfig jobs,
        MatchmakingConfig matchmaking,
        MatchConfig match,
        TournamentConfig tournament,
        LogsConfig logs) {

    /** This node's name: in logs, stored results and match ownership, on a single node too. */
    public String nodeId() {
        return cluster.nodeId();
    }

    /** Event loops (and room shards): as many as HTTP instances, one per core by default. */
    public int eventLoops() {
        return http.instances();
    }

    /** Same configuration on another port (tests and multi-node runs on one machine). */
    public ArenaConfig withPort(int newPort) {
        return new ArenaConfig(http.withPort(newPort), database, tokens, log, cluster, ws, chat, jobs, matchmaking,
                match, tournament, logs);
    }
}
