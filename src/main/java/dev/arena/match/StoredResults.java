package dev.arena.match;

import io.vertx.core.Future;

/**
 * Where a finished match's result is kept for good. {@code POST /games/{id}/finish} answers only once the
 * reported result is stored, so an acknowledged result survives a crash of the node (issue 14).
 */
public interface StoredResults {
    /** Nothing to wait for: a node whose results are not stored (tests of the match package alone). */
    StoredResults NONE = id -> Future.succeededFuture();

    /**
     * Completes when the result of match {@code id}, which has just ended or is ending, is stored; fails when it
     * could not be (the database stayed away) or will not be (the node is crashing).
     */
    Future<Void> stored(MatchId id);
}
