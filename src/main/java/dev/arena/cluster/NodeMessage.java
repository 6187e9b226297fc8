package dev.arena.cluster;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import dev.arena.match.MatchStatus;
import java.util.Map;

/**
 * Every message one node sends another (docs/CLUSTERING.md, "Match routing"), one record per kind; their wire form
 * is {@link NodeCodec}'s alone. A {@link Request} is answered (JSON text, described on each record; a failure comes
 * back as the same {@link dev.arena.common.ArenaException} the owner raised); a {@link Push} is one-way, from a
 * match's owner to the nodes whose sockets watch it, in the order sent.
 */
public sealed interface NodeMessage {

    /** Asked of a node and answered by it. */
    sealed interface Request extends NodeMessage {}

    /** A command on one game, asked of the node that owns it. */
    sealed interface MatchCommand extends Request {
        MatchId game();

        PlayerId player();
    }

    /** One-way, from a match's owner to a watching node. */
    sealed interface Push extends NodeMessage {
        MatchId game();
    }

    // ---- HTTP and lobby commands, asked of the owner; answer: the game as GET /games/{id}/state shows it ----

    /**
     * {@code staff}: the asker's role may watch private games. The node that took the request authenticated the
     * token and knows the role; only the owner knows whether the game is private and who sits in it. So the role's
     * one consequence travels with the request (nodes already trust each other with the player's id) rather than
     * a second round trip to check first. An older node leaves it out: false, the stricter rule.
     */
    record MatchState(MatchId game, PlayerId player, boolean staff) implements MatchCommand {}

    record MatchJoin(MatchId game, PlayerId player, String joinCode) implements MatchCommand {}

    record MatchLeave(MatchId game, PlayerId player) implements MatchCommand {}

    record MatchReady(MatchId game, PlayerId player, boolean ready) implements MatchCommand {}

    record MatchStart(MatchId game, PlayerId player, boolean force) implements MatchCommand {}

    record MatchKick(MatchId game, PlayerId player, PlayerId target) implements MatchCommand {}

    /** Answer: the match result the owner accepted. */
    record MatchFinish(MatchId game, PlayerId player, Map<String, Object> result) implements MatchCommand {}

    /** The console opens a live match ({@code player}: the staff member); answer: its {@code MatchView}. */
    record MatchInspect(MatchId game, PlayerId player) implements MatchCommand {}

    /**
     * Stops a running match (console staff, or a tournament change on another node); answer: its
     * {@link dev.arena.match.MatchOverview} as it was when stopped.
     */
    record MatchStop(MatchId game, String reason) implements Request {}

    // ---- listings, asked of every live node ----

    /**
     * Answer: a JSON array of the node's public games (with {@code watchable}, also those of matchmaking and
     * tournaments), as {@code GET /games} lists them. A node of an older version leaves {@code watchable} out.
     */
    record MatchList(String mode, MatchStatus status, boolean watchable) implements Request {}

    /** Answer: the node's open lobby games matching the filters ({@code lobby.LobbyWire}). */
    record LobbyList(String mode, String region, boolean hasSpace) implements Request {}

    /** Answer: a JSON array of the node's unfinished matches ({@link dev.arena.match.MatchOverview}), for the console. */
    record Overview(String mode) implements Request {}

    // ---- sockets of one node on a match of another; {@code node} is the socket's node ----

    /**
     * Join (seated players only) or spectate; answer: the {@code match.state} text, with the socket's rid.
     * {@code staff} as for {@link MatchState}: the socket's node vouches for the role, the owner applies the rule.
     */
    record SocketAttach(MatchId game, PlayerId player, String node, Object rid, boolean asPlayer, boolean staff)
            implements MatchCommand {}

    /**
     * Answer: empty. {@code seq}: the input's number ({@code dev.arena.match.InputAck}), null when it has none (and
     * from a node of an older version).
     */
    record SocketInput(MatchId game, PlayerId player, String node, boolean attached, Map<String, Object> input,
                       Long seq) implements MatchCommand {}

    /** Answer: empty; {@code last}: the player's last socket on that node left the match. */
    record SocketLeave(MatchId game, PlayerId player, String node, boolean attached, boolean last)
            implements MatchCommand {}

    /** The player's last socket on that node closed; answer: empty. */
    record SocketDetach(MatchId game, PlayerId player, String node) implements MatchCommand {}

    // ---- tournaments ----

    /** Who sat down in a tournament game (a no-show is judged on it); answer: {@code tournament.MatchSeats}. */
    record Seats(MatchId game) implements Request {}

    // ---- pushes, owner to watcher; {@code text} is the frame as the owner encoded it for its own sockets ----

    record Frame(MatchId game, long tick, String text) implements Push {}

    record End(MatchId game, long tick, String text) implements Push {}

    /** An input of {@code player} refused at a tick: the error goes to that player's sockets only. */
    record Refused(MatchId game, PlayerId player, String text) implements Push {}
}
