package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.PartyId;
import dev.arena.matchmaking.TicketId;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.player.PlayerService;
import dev.arena.matchmaking.service.Party;
import dev.arena.matchmaking.service.PartyService;
import dev.arena.matchmaking.service.PartyView;
import dev.arena.matchmaking.service.StatsView;
import dev.arena.matchmaking.service.TicketRequest;
import dev.arena.matchmaking.service.TicketView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * {@code /matchmaking/*} (tickets, statistics) and {@code /parties/*} (docs/MATCHMAKING.md). Every route is
 * authenticated; the caller is the player the token names.
 */
final class MatchmakingApi {
    private final Matchmaking mm;
    private final PartyService parties;

    /** Only to check that an invitee exists. */
    private final PlayerService players;

    MatchmakingApi(Matchmaking mm, PlayerService players) {
        this.mm = mm;
        this.parties = mm.parties();
        this.players = players;
    }

    record StatsList(List<StatsView> modes) {}

    void mount(Router router, Authenticator auth) {
        router.post("/matchmaking/tickets").handler(auth).handler(this::enqueue);
        router.get("/matchmaking/tickets/:ticket_id").handler(auth).handler(ctx -> Handlers.respond(ctx, 200,
                mm.find(me(ctx), ticketId(ctx)).map(TicketView::of)));
        router.delete("/matchmaking/tickets/:ticket_id").handler(auth).handler(ctx -> Handlers.respond(ctx, 200,
                mm.cancel(me(ctx), ticketId(ctx)).map(TicketView::of)));
        router.get("/matchmaking/stats").handler(auth).handler(ctx -> Handlers.respond(ctx, 200,
                mm.stats().map(StatsList::new)));

        router.post("/parties").handler(auth).handler(ctx -> party(ctx, 201, parties.create(me(ctx))));
        router.get("/parties/:party_id").handler(auth).handler(ctx ->
                party(ctx, 200, parties.get(me(ctx), partyId(ctx))));
        router.post("/parties/:party_id/invite").handler(auth).handler(ctx ->
                invite(ctx));
        router.post("/parties/:party_id/accept").handler(auth).handler(ctx ->
                party(ctx, 200, parties.accept(me(ctx), partyId(ctx))));
        router.post("/parties/:party_id/decline").handler(auth).handler(ctx ->
                party(ctx, 200, parties.decline(me(ctx), partyId(ctx))));
        router.post("/parties/:party_id/leave").handler(auth).handler(ctx ->
                Handlers.noContent(ctx, parties.leave(me(ctx), partyId(ctx))));
        router.post("/parties/:party_id/kick").handler(auth).handler(ctx ->
                party(ctx, 200, parties.kick(me(ctx), partyId(ctx), player(ctx))));
        router.post("/parties/:party_id/promote").handler(auth).handler(ctx ->
                party(ctx, 200, parties.promote(me(ctx), partyId(ctx), player(ctx))));
    }

    private void enqueue(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("mode", "party_id", "properties");
        body.validate();
        JsonObject json = body.json();
        Object props = json.getValue("properties") instanceof JsonObject o ? o.getMap() : json.getValue("properties");
        TicketRequest request = TicketRequest.parse(json.getValue("mode"), json.getValue("party_id"), props,
                mm.modes());
        Handlers.respond(ctx, 201, mm.enqueue(me(ctx), request).map(TicketView::of));
    }

    private static void party(RoutingContext ctx, int status, Future<Party> result) {
        Handlers.respond(ctx, status, result.map(PartyView::of));
    }

    /** An invite of a player id that names nobody is a 404, as on every other route, not a dangling invitation. */
    private void invite(RoutingContext ctx) {
        PartyId party = partyId(ctx);
        UUID who = player(ctx);
        party(ctx, 200, players.player(who).compose(p -> parties.invite(me(ctx), party, who)));
    }

    /** {@code {"player_id": ...}}, the player an invite, kick or promote is about. */
    private static UUID player(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx).only("player_id");
        String raw = body.string("player_id", 36, 36, null, null);
        body.validate();
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ArenaException.Invalid("player_id", "must be a player id (UUID)");
        }
    }

    private static UUID me(RoutingContext ctx) {
        return Handlers.principal(ctx).playerId();
    }

    private static TicketId ticketId(RoutingContext ctx) {
        return new TicketId(Handlers.uuidParam(ctx, "ticket_id"));
    }

    private static PartyId partyId(RoutingContext ctx) {
        return new PartyId(Handlers.uuidParam(ctx, "party_id"));
    }
}
