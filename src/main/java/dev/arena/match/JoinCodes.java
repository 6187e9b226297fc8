package dev.arena.match;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Join codes across the cluster (docs/CLUSTERING.md): a code is claimed for a game before the game exists, so
 * two nodes never hand out the same code, and any node can find the game of a code a friend typed. A single node
 * has only its own games: {@link #LOCAL} claims every code (the directory keeps them unique in memory) and finds
 * none elsewhere.
 */
public interface JoinCodes {

    /** Claims {@code code} (upper case) for {@code game}; false when another live game holds it. */
    Future<Boolean> claim(String code, MatchId match);

    /**
     * Lets the code go once its game ended; nothing when the code is no longer the game's. Never fails (a code
     * not released expires with its game's directory entry).
     */
    Future<Void> release(String code, MatchId match);

    /** The game that holds the code on any node, if one does. */
    Future<Optional<MatchId>> find(String code);

    JoinCodes LOCAL = new JoinCodes() {
        @Override
        public Future<Boolean> claim(String code, MatchId match) {
            return Future.succeededFuture(true);
        }

        @Override
        public Future<Void> release(String code, MatchId match) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Optional<MatchId>> find(String code) {
            return Future.succeededFuture(Optional.empty());
        }
    };
}
