package dev.arena.cluster;

import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a node reaches the matches other nodes run (a cluster; docs/CLUSTERING.md, "Match routing"). A match runs
 * on exactly one node, its owner; the others find the owner in a cluster-wide directory and forward commands to
 * it, and the owner sends frames back to the nodes whose sockets watch. A single node's bus
 * ({@code storage.local.LocalNodeBus}) has no peers and owns every game it knows, so nothing is ever sent.
 *
 * <p>Callers speak in {@link NodeMessage}s ({@link #ask}, {@link #tell}, {@link #answer}, {@link #onPush});
 * implementations carry the text {@link NodeCodec} makes of them. Failures of a request come back as the same
 * {@link dev.arena.common.ArenaException} kinds the owner raised, so every node answers alike.
 */
public interface NodeBus {

    /** This node's id. */
    String node();

    /** Records a game this node runs in the directory, while it runs and for a while after it ended. */
    void track(HostedMatches.HostedMatch match, MatchLoop<?, ?, ?> loop);

    /**
     * The live node that runs (or ran) the game; {@link dev.arena.common.ArenaException.NotFound} when the
     * directory has no entry, or its owner is gone (the entry is removed then).
     */
    Future<String> owner(MatchId id);

    /** The other live nodes (listings ask each). */
    Future<List<String>> peers();

    /**
     * Runs {@code kind} on {@code node} and completes with its answer; fails with the owner's error, or with
     * {@link dev.arena.common.ArenaException.Unavailable} when the node is not there or does not answer in time.
     */
    Future<String> request(String node, String kind, String body);

    /** Answers requests of {@code kind} from other nodes; a thrown exception counts as a failed answer. */
    void serve(String kind, Function<String, Future<String>> handler);

    /** A one-way message to {@code node}; one sender's messages arrive in the order they were sent. */
    void send(String node, String message);

    /** Where messages sent to this node go (one handler, called on one thread in arrival order). */
    void onMessage(Consumer<String> handler);

    /** Starts checking that {@code node} is alive (counted: one {@link #unwatch(String)} per call). */
    void watch(String node);

    void unwatch(String node);

    /** Called (on the same thread as messages) once for a watched node found dead or gone. */
    void onNodeLost(Consumer<String> handler);

    /**
     * Starts checking that another node's game is still there: its directory entry exists and its owner is alive
     * (an owner restarted under the same id has removed its earlier life's entries).
     */
    void watch(MatchId match, String owner);

    void unwatch(MatchId match);

    /** Called (on the same thread as messages) once for a watched game whose entry or owner is gone. */
    void onMatchLost(Consumer<MatchId> handler);

    /** Asks {@code node}; completes with its answer (the JSON text the request's record describes). */
    default Future<String> ask(String node, NodeMessage.Request request) {
        return request(node, NodeCodec.kind(request), NodeCodec.body(request));
    }

    /** Asks the node that owns the command's game. */
    default Future<String> askOwner(NodeMessage.MatchCommand command) {
        return owner(command.game()).compose(owner -> ask(owner, command));
    }

    /** Sends a push to {@code node}. */
    default void tell(String node, NodeMessage.Push push) {
        send(node, NodeCodec.push(push));
    }

    /** Wiring: answers every request other nodes send this one (one handler; thrown exceptions are failures). */
    default void answer(Function<NodeMessage.Request, Future<String>> handler) {
        for (String kind : NodeCodec.requestKinds()) {
            serve(kind, body -> handler.apply(NodeCodec.request(kind, body)));
        }
    }

    /** Wiring: where pushes sent to this node go. */
    default void onPush(Consumer<NodeMessage.Push> handler) {
        onMessage(text -> handler.accept(NodeCodec.push(text)));
    }
}
