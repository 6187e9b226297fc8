package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.leaderboard.Leaderboards;
import dev.arena.match.GameCatalog;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** {@code /leaderboard/global*}: the rating boards, one per game mode, read straight from the live index. */
final class LeaderboardApi {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int DEFAULT_RADIUS = 5;
    static final int MAX_RADIUS = 50;

    private final Leaderboards boards;
    private final GameCatalog games;

    LeaderboardApi(Leaderboards boards, GameCatalog games) {
        this.boards = boards;
        this.games = games;
    }

    void mount(Router router, Authenticator auth) {
        router.get("/leaderboard/global").handler(auth).handler(this::top);
        router.get("/leaderboard/global/around/:player_id").handler(auth).handler(this::around);
    }

    private void top(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        String mode = mode(ctx, errors);
        Long limit = Handlers.wholeParam(ctx, "limit", errors);
        Long offset = Handlers.wholeParam(ctx, "offset", errors);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        check(errors);
        Handlers.respond(ctx, 200, boards.top(mode, offset == null ? 0 : offset,
                limit == null ? DEFAULT_LIMIT : limit.intValue()));
    }

    private void around(RoutingContext ctx) {
        var player = Handlers.uuidParam(ctx, "player_id");
        List<FieldError> errors = new ArrayList<>();
        String mode = mode(ctx, errors);
        Long radius = Handlers.wholeParam(ctx, "radius", errors);
        if (radius != null && radius > MAX_RADIUS) {
            errors.add(new FieldError("radius", "must be between 0 and " + MAX_RADIUS));
        }
        check(errors);
        Handlers.respond(ctx, 200, boards.around(mode, player, radius == null ? DEFAULT_RADIUS : radius.intValue()));
    }

    /** {@code mode}: a game of this server; the first game of the catalogue ({@code arena_battle}) when absent. */
    private String mode(RoutingContext ctx, List<FieldError> errors) {
        List<String> given = ctx.queryParam("mode");
        if (given.isEmpty()) {
            return games.games().getFirst().mode();
        }
        if (given.size() > 1 || games.find(given.getFirst()).isEmpty()) {
            errors.add(new FieldError("mode", "unknown game mode; one of "
                    + games.games().stream().map(i -> i.mode()).toList()));
            return null;
        }
        return given.getFirst();
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
    }
}
