package dev.arena.gateway.http;

import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.player.PlayerService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code /players/*}. Reading a player is public; changing one needs its own token (or an admin's for roles). */
final class PlayerApi {
    /**
     * Text without control characters (C0, DEL and C1: {@code \p{Cc}}) and with at least one character that is
     * not white space; the length is checked separately. The visible character must itself not be a control
     * character, or one control character (even NUL, which PostgreSQL refuses) would slip through in its place.
     */
    static final Pattern DISPLAY_NAME = Pattern.compile("[^\\p{Cc}]*[^\\p{Cc}\\p{IsWhite_Space}][^\\p{Cc}]*");

    private final PlayerService players;

    PlayerApi(PlayerService players) {
        this.players = players;
    }

    void mount(Router router, Authenticator auth) {
        // "me" routes first: "/players/me" must not be read as an id.
        router.get("/players/me").handler(auth).handler(this::me);
        router.patch("/players/me").handler(auth).handler(this::updateMe);
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
