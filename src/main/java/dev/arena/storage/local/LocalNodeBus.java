package dev.arena.storage.local;

import dev.arena.cluster.NodeBus;
import dev.arena.common.ArenaException;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bus of a node that runs alone: it has no peers, so every game it does not know itself is nowhere
 * ({@code not_found}), listings ask nobody, and nothing is ever sent or lost.
 */
public final class LocalNodeBus implements NodeBus {
    private final String node;

    public LocalNodeBus(String node) {
        this.node = node;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void track(HostedMatches.HostedMatch match, MatchLoop<?, ?, ?> loop) {
        // the node's own directory is the only one
    }

    @Override
    public Future<String> owner(MatchId id) {
        return Future.failedFuture(new ArenaException.NotFound("no game " + id));
    }

    @Override
    public Future<List<String>> peers() {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<String> request(String to, String kind, String body) {
        return Future.failedFuture(new ArenaException.Unavailable("node " + to + " is gone"));
    }

    @Override
    public void serve(String kind, Function<String, Future<String>> handler) {
        // nobody asks
    }

    @Override
    public void send(String to, String message) {
        // nobody listens
    }

    @Override
    public void onMessage(Consumer<String> handler) {
    }

    @Override
    public void watch(String other) {
    }

    @Override
    public void unwatch(String other) {
    }

    @Override
    public void onNodeLost(Consumer<String> handler) {
    }

    @Override
    public void watch(MatchId match, String owner) {
    }

    @Override
    public void unwatch(MatchId match) {
    }

    @Override
    public void onMatchLost(Consumer<MatchId> handler) {
    }
}
