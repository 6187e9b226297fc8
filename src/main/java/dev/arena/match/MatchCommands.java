package dev.arena.match;

import dev.arena.common.PlayerId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Every command on a game, wherever it runs: the HTTP API, the socket router, the lobby and tournaments call this
 * and never ask which node owns the game. A single node runs {@link LocalMatchCommands} (this node's games only;
 * it never touches the node bus); a cluster wraps it in {@code cluster.RoutedMatchCommands}, which sends a command
 * on a game this node does not know to the game's owner. Failures are {@link dev.arena.common.ArenaException}s
 * (the owner's, on a cluster), as failed futures.
 */
public interface MatchCommands {

    /** The node that runs the game (or finished it moments ago); {@code NotFound} when none does. */
    Future<String> owner(MatchId id);

    /** What {@code viewer} (staff or not) may see of the game (see {@link HostedMatches#state}). */
    Future<Answer<HostedMatches.HostedMatch>> state(MatchId id, PlayerId viewer, boolean staff);

    /** Seats the player, or reconnects a seated one (see {@link HostedMatches#join}). */
    Future<Answer<HostedMatches.HostedMatch>> join(MatchId id, PlayerId player, String joinCode);

    /** Joins the live game whose join code this is (any case); {@code NotFound} when no live game has it. */
    Future<Answer<HostedMatches.HostedMatch>> joinByCode(PlayerId player, String joinCode);

    /** Leaves for good (a forfeit once running). */
    Future<Answer<HostedMatches.HostedMatch>> leave(MatchId id, PlayerId player);

    /**
     * A relayed game's player reports the result ({@link ReportedResult}'s forms, checked against the seats); the
     * answer from another node is the {@code 202} body its edge wrote.
     */
    Future<Answer<MatchResult>> finish(MatchId id, PlayerId player, Map<String, Object> result);

    /** Marks the seated player ready or not; the game starts at the tick everyone seated is ready. */
    Future<Answer<HostedMatches.HostedMatch>> ready(MatchId id, PlayerId player, boolean ready);

    /** The host starts the game (every other player ready unless {@code force}). */
    Future<Answer<HostedMatches.HostedMatch>> start(MatchId id, PlayerId by, boolean force);

    /** The host removes a player before the start; the player cannot join this game again. */
    Future<Answer<HostedMatches.HostedMatch>> kick(MatchId id, PlayerId by, PlayerId target);

    /**
     * Public games of every live node, running and recently finished, filtered when not null; with
     * {@code watchable} also the games of matchmaking and tournaments (every game anyone may watch, see
     * {@link HostedMatches#requireVisible}).
     */
    Future<List<Answer<HostedMatches.HostedMatch>>> list(String mode, MatchStatus status, boolean watchable);

    /** Every live node's matches not yet finished (private ones too), for the admin console; {@code mode} filters. */
    Future<List<MatchOverview>> overview(String mode);

    /**
     * A live match as the admin console opens it (state, players, tick), private ones too: the edge has checked that
     * {@code staff} holds a console role. {@code NotFound} when no node runs it.
     */
    Future<Answer<MatchView>> inspect(MatchId id, PlayerId staff);

    /**
     * Stops a running match: its players get {@code match.end} with the reason (console staff, a tournament change).
     * Answers the match as it was when stopped; {@code NotFound} when no node runs it, {@code ended} once finished.
     */
    Future<MatchOverview> stop(MatchId id, String reason);
}
