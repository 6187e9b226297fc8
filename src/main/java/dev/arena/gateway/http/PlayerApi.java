package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.player.PlayerService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /players/*}. Reading a player is public; changing one needs its own token (or an admin's for roles). */
final class PlayerApi {
    /**
     * Text without control characters (C0, DEL and C1: {@code \p{Cc}}) and with at least one character that is
     * not white space; the length is checked separately. The visible character must itself not be a control
     * character, or one control character (even NUL, which PostgreSQL refuses) would slip through in its place.
     */
    static final Pattern DISPLAY_NAME = Pattern.compile("[^\\p{Cc}]*[^\\p{Cc}\\p{IsWhite_Space}][^\\p{Cc}]*");

    private static final Set<String> SEARCH_PARAMS = Set.of("name", "limit", "offset");
    static final int MAX_SEARCH_LIMIT = 50;

    private final PlayerService players;

    PlayerApi(PlayerService players) {
        this.players = players;
    }

    void mount(Router router, Authenticator auth) {
        // "me" routes first: "/players/me" must not be read as an id.
        router.get("/players/me").handler(auth).handler(this::me);
        router.patch("/players/me").handler(auth).handler(this::updateMe);
        router.get("/players").handler(auth).handler(this::search);
        // public reads (PublicReads): a visitor reads them too, but a token that is sent must be valid
        router.get("/players/:id").handler(auth).handler(this::player);
        router.get("/players/:id/stats").handler(auth).handler(this::stats);
        router.get("/players/:id/profile").handler(auth).handler(this::profile);
        router.put("/players/:id/role").handler(auth).handler(this::setRole);
    }

    private void me(RoutingContext ctx) {
        Handlers.respond(ctx, 200, players.player(Handlers.principal(ctx).playerId()));
    }

    private void updateMe(RoutingContext ctx) {
        Principal me = Handlers.principal(ctx);
        RequestBody body = RequestBody.of(ctx).only("display_name");
        String name = body.string("display_name", 1, 32, DISPLAY_NAME,
                "must contain visible characters and no control characters");
        body.validate();
        Handlers.respond(ctx, 200, players.rename(me.playerId(), name.strip()));
    }

    /**
     * {@code GET /players?name=&limit=&offset=}: players whose display name starts with {@code name} (any case),
     * for finding someone to invite. Signed-in callers only: a visitor has no one to invite.
     */
    private void search(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(ctx, SEARCH_PARAMS, errors);
        String name = QueryParams.one(ctx, "name", errors);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "is required: the first letters of a display name"));
        } else if (name != null && (name.isBlank() || name.length() > 32 || !DISPLAY_NAME.matcher(name).matches())) {
            errors.add(new FieldError("name",
                    "must be 1 to 32 characters with a visible one and no control characters"));
        }
        int limit = QueryParams.whole(ctx, "limit", 10, 1, MAX_SEARCH_LIMIT, errors);
        int offset = QueryParams.whole(ctx, "offset", 0, 0, 10_000, errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        Handlers.respond(ctx, 200, players.search(name.strip(), limit, offset));
    }

    private void player(RoutingContext ctx) {
        Handlers.respond(ctx, 200, players.player(Handlers.uuidParam(ctx, "id")));
    }

    private void stats(RoutingContext ctx) {
        Handlers.respond(ctx, 200, players.stats(Handlers.uuidParam(ctx, "id")));
    }

    private void profile(RoutingContext ctx) {
        Handlers.respond(ctx, 200, players.profile(Handlers.uuidParam(ctx, "id")));
    }

    private void setRole(RoutingContext ctx) {
        Handlers.principal(ctx).require(Role.ADMIN);
        var id = Handlers.uuidParam(ctx, "id");
        RequestBody body = RequestBody.of(ctx).only("role");
        String role = body.string("role", 1, 16, Pattern.compile("player|viewer|moderator|admin|ingest"),
                "must be one of player, viewer, moderator, admin, ingest");
        body.validate();
        Handlers.respond(ctx, 200, players.setRole(id, Role.fromWire(role.toLowerCase(Locale.ROOT))));
    }
}
