package dev.arena.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * What a visitor may read without a token (docs/SECURITY.md, "What a visitor may read"): the one list, consulted by
 * {@link Authenticator}. A route here still takes a token when one is sent (and refuses a bad one); without one its
 * handler runs with no principal ({@link Handlers#visitor}), so only routes whose answer is the same for everybody, or
 * that answer a visitor as a player with no part in the resource, belong here. Tournaments
 * and their brackets are mounted without the authenticator at all (TournamentApi).
 */
final class PublicReads {
    static final Set<String> ROUTES = Set.of(
            "GET /leaderboard/global",
            "GET /leaderboard/global/around/:player_id",
            "GET /matchmaking/stats",
            "GET /players/:id",
            "GET /players/:id/stats",
            "GET /players/:id/profile",
            "GET /lobby/games",
            "GET /games",
            // answers a visitor like a player who is not seated: a private game a player made stays refused (401)
            "GET /games/:game_id/state",
            "GET /games/:game_id/replay");

    private PublicReads() {}

    /** Whether the matched route of this request may be read without a token. */
    static boolean allows(RoutingContext ctx) {
        var route = ctx.currentRoute();
        return route != null && route.getPath() != null
                && ROUTES.contains(ctx.request().method().name() + " " + route.getPath());
    }
}
