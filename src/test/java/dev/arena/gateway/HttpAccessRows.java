package dev.arena.gateway;

import static dev.arena.gateway.AccessWorld.ok;

import dev.arena.gateway.AccessWorld.Call;
import dev.arena.gateway.AccessWorld.Who;
import dev.arena.testing.Actors.Actor;
import dev.arena.testing.Futures;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Who may call each HTTP route: one row per route (a route may have more, one per case such as a private game),
 * the expected status per {@link Who}, in the order anonymous, guest, player, owner, moderator, admin, viewer,
 * ingest; {@code -} where the column does not apply (no owner). The request of each cell is built by the row, on
 * the seeded {@link AccessWorld}: rows that change what they touch build a fresh resource per cell.
 */
final class HttpAccessRows {
    /** {@code route} is "METHOD /path" as in openapi.json. */
    record Row(String route, String note, String expected, BiFunction<Who, AccessWorld, Call> call) {
        String[] statuses() {
            return expected.split(" ");
        }
    }

    private static final String PUBLIC = "200 200 200 - 200 200 200 200";
    private static final String SIGNED_IN = "401 200 200 - 200 200 200 200";
    private static final String CREATED = "401 201 201 - 201 201 201 201";
    private static final String UPGRADE = "401 101 101 - 101 101 101 101";
    private static final String VIEWERS = "401 403 403 - 200 200 200 403";
    private static final String MODERATORS = "401 403 403 - %s %s 403 403";
    private static final String ADMINS = "401 403 403 - 403 %s 403 403";
    private static final String LOGS = "401 403 403 - 403 %s 403 %s";
    /** The owner may, and nobody else learns that the resource exists. */
    private static final String OWNER_ONLY_HIDDEN = "401 404 404 %s 404 404 404 404";
    /** The owner may; the others are refused (403). */
    private static final String OWNER_ONLY = "401 403 403 %s 403 403 403 403";
    /** The organiser, or an admin. */
    private static final String ORGANISER = "401 403 403 %s 403 %s 403 403";

    private HttpAccessRows() {}

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        auth(rows);
        players(rows);
        chat(rows);
        open(rows);
        games(rows);
        matchmaking(rows);
        tournaments(rows);
        console(rows);
        logs(rows);
        return rows;
    }

    private static void add(List<Row> rows, String route, String expected, BiFunction<Who, AccessWorld, Call> call) {
        rows.add(new Row(route, "", expected, call));
    }

    private static void add(List<Row> rows, String route, String note, String expected,
                            BiFunction<Who, AccessWorld, Call> call) {
        rows.add(new Row(route, note, expected, call));
    }

    private static String f(String pattern, Object... args) {
        return String.format(pattern, args);
    }

    private static JsonObject json(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    private static Call by(Who who, AccessWorld w, Actor owner, String path, Object body) {
        return w.as(who, owner, path, body);
    }

    private static void auth(List<Row> rows) {
        add(rows, "POST /auth/register", "201 201 201 - 201 201 201 201", (who, w) -> by(who, w, null, "/auth/register",
                json("username", "u" + UUID.randomUUID().toString().substring(0, 8), "password", "password-1")));
        add(rows, "POST /auth/login", "200 200 200 - 200 200 200 200", (who, w) -> by(who, w, null, "/auth/login",
                json("username", w.account(Who.PLAYER).username(), "password", "actor-password-1")));
        add(rows, "POST /auth/guest", "200 200 200 - 200 200 200 200", (who, w) -> by(who, w, null, "/auth/guest",
                json("device_id", "device-" + UUID.randomUUID())));
        add(rows, "POST /auth/refresh", "200 200 200 - 200 200 200 200", (who, w) -> by(who, w, null,
                "/auth/refresh", json("refresh_token", w.actors.guest().refreshToken())));
        for (String route : List.of("/auth/logout", "/auth/logout-all")) {
            add(rows, "POST " + route, "the caller's own sessions", "401 204 204 - 204 204 204 204", (who, w) ->
                    new Call(who == Who.ANONYMOUS ? null : w.fresh(who).token(), route, null));
        }
        add(rows, "POST /admin/players/{id}/revoke-sessions", f(ADMINS, 204), (who, w) -> by(who, w, null,
                "/admin/players/" + w.actors.guest().id() + "/revoke-sessions", json("reason", "matrix")));
        add(rows, "POST /admin/players/{id}/chat-mute", f(MODERATORS, 201, 201), (who, w) -> by(who, w, null,
                "/admin/players/" + w.actors.guest().id() + "/chat-mute",
                json("duration_seconds", 600, "reason", "matrix")));
    }

    private static void players(List<Row> rows) {
        add(rows, "GET /players/me", SIGNED_IN, (who, w) -> w.as(who, "/players/me"));
        add(rows, "PATCH /players/me", SIGNED_IN, (who, w) -> by(who, w, null, "/players/me",
                json("display_name", "Matrix")));
        add(rows, "GET /players", "search by the start of a name", SIGNED_IN, (who, w) ->
                w.as(who, "/players?name=pl"));
        add(rows, "GET /players/{id}", PUBLIC, (who, w) -> w.as(who, "/players/" + w.host.id()));
        add(rows, "GET /players/{id}/stats", PUBLIC, (who, w) -> w.as(who, "/players/" + w.host.id() + "/stats"));
        add(rows, "GET /players/{id}/profile", PUBLIC, (who, w) -> w.as(who, "/players/" + w.host.id() + "/profile"));
        add(rows, "PUT /players/{id}/role", "owner: the player itself", "401 403 403 403 403 200 403 403",
                (who, w) -> {
                    Actor target = w.actors.guest();
                    return by(who, w, target, "/players/" + target.id() + "/role", json("role", "moderator"));
                });
    }

    private static void chat(List<Row> rows) {
        add(rows, "GET /chat/{room}/messages", "a room", SIGNED_IN, (who, w) -> w.as(who, "/chat/general/messages"));
        add(rows, "GET /chat/{room}/messages", "a direct-message room; owner: one of its two",
                "401 403 403 200 403 403 403 403", (who, w) -> by(who, w, w.host, "/chat/" + w.dmRoom + "/messages",
                        null));
        add(rows, "POST /chat/mutes", f(MODERATORS, 201, 201), (who, w) -> by(who, w, null, "/chat/mutes",
                json("player_id", w.actors.guest().id(), "duration_seconds", 60, "reason", "matrix")));
        add(rows, "DELETE /chat/mutes/{player_id}", f(MODERATORS, 204, 204), (who, w) -> by(who, w, null,
                "/chat/mutes/" + w.sanctioned(false).id(), null));
        add(rows, "POST /chat/bans", f(MODERATORS, 201, 201), (who, w) -> by(who, w, null, "/chat/bans",
                json("player_id", w.actors.guest().id(), "reason", "matrix")));
        add(rows, "DELETE /chat/bans/{player_id}", f(MODERATORS, 204, 204), (who, w) -> by(who, w, null,
                "/chat/bans/" + w.sanctioned(true).id(), null));
        add(rows, "GET /chat/moderation/{player_id}", f(MODERATORS, 200, 200), (who, w) ->
                w.as(who, "/chat/moderation/" + w.someone.id()));
    }

    /** Health, metrics, documents, pages and the socket upgrades (101: the socket opened). */
    private static void open(List<Row> rows) {
        for (String path : List.of("/health/live", "/health/ready", "/metrics", "/openapi.json",
                "/docs/swagger-initializer.js", "/", "/dashboard", "/admin", "/play")) {
            add(rows, "GET " + path, PUBLIC, (who, w) -> w.as(who, path));
        }
        add(rows, "GET /docs", "302 302 302 - 302 302 302 302", (who, w) -> w.as(who, "/docs"));
        add(rows, "GET /docs/{file}", PUBLIC, (who, w) -> w.as(who, "/docs/index.html"));
        add(rows, "GET /assets/{file}", PUBLIC, (who, w) -> w.as(who, "/assets/arena.css"));
        add(rows, "GET /sdk/{file}", PUBLIC, (who, w) -> w.as(who, "/sdk/arena.js"));
        add(rows, "GET /vendor/uplot/{file}", PUBLIC, (who, w) -> w.as(who, "/vendor/uplot/uPlot.min.css"));
        add(rows, "GET /vendor/preact/{file}", PUBLIC, (who, w) -> w.as(who, "/vendor/preact/standalone.mjs"));
        add(rows, "GET /ws", UPGRADE, (who, w) -> w.as(who, "/ws"));
        add(rows, "GET /games/{room}/live", UPGRADE, (who, w) -> w.as(who, "/games/matrix/live"));
        add(rows, "GET /chat/{room_id}", UPGRADE, (who, w) -> w.as(who, "/chat/general"));
        add(rows, "GET /tournaments/{tournament_id}/updates", "a socket: a session", UPGRADE, (who, w) ->
                w.as(who, "/tournaments/" + w.running + "/updates"));
    }

    private static void games(List<Row> rows) {
        add(rows, "POST /games/create", CREATED, (who, w) -> by(who, w, null, "/games/create",
                json("mode", "relay", "max_players", 2)));
        add(rows, "GET /games", PUBLIC, (who, w) -> w.as(who, "/games"));
        add(rows, "POST /games/{game_id}/join", "a public game; owner: its host", "401 200 200 200 200 200 200 200",
                (who, w) -> by(who, w, w.host, "/games/" + w.game(w.host, false).getString("game_id") + "/join", null));
        add(rows, "POST /games/{game_id}/join", "a private game, without its code", f(OWNER_ONLY, 200),
                (who, w) -> by(who, w, w.host, "/games/" + w.privateGame + "/join", null));
        add(rows, "POST /games/{game_id}/leave", f(OWNER_ONLY, 200), (who, w) -> by(who, w, w.host,
                "/games/" + w.game(w.host, false).getString("game_id") + "/leave", null));
        add(rows, "GET /games/{game_id}/state", "a public game", PUBLIC.replace("-", "200"), (who, w) ->
                by(who, w, w.host, "/games/" + w.publicGame + "/state", null));
        add(rows, "GET /games/{game_id}/state", "a private game", "401 403 403 200 200 200 200 403", (who, w) ->
                by(who, w, w.host, "/games/" + w.privateGame + "/state", null));
        add(rows, "GET /games/{game_id}/replay", "a finished public game", PUBLIC.replace("-", "200"), (who, w) ->
                by(who, w, w.host, "/games/" + w.storedPublic + "/replay", null));
        add(rows, "GET /games/{game_id}/replay", "a finished private game", "401 403 403 200 200 200 200 403",
                (who, w) -> by(who, w, w.host, "/games/" + w.storedPrivate + "/replay", null));
        add(rows, "POST /games/{game_id}/finish", "a running relay game", f(OWNER_ONLY, 202), (who, w) -> {
            Actor host = w.actors.guest();
            String id = w.runningMatch(host, w.actors.guest(), false);
            return by(who, w, host, "/games/" + id + "/finish", json("result", json("winner", host.id())));
        });
        add(rows, "GET /leaderboard/global", PUBLIC, (who, w) -> w.as(who, "/leaderboard/global"));
        add(rows, "GET /leaderboard/global/around/{player_id}", PUBLIC, (who, w) ->
                w.as(who, "/leaderboard/global/around/" + w.host.id() + "?mode=relay"));
        add(rows, "GET /lobby/games", PUBLIC, (who, w) -> w.as(who, "/lobby/games"));
        add(rows, "POST /games/join-by-code", SIGNED_IN, (who, w) -> by(who, w, null, "/games/join-by-code",
                json("join_code", w.game(w.host, true).getString("join_code"))));
        add(rows, "POST /games/{game_id}/ready", "owner: seated", f(OWNER_ONLY, 200), (who, w) -> by(who, w, w.host,
                "/games/" + w.game(w.host, false).getString("game_id") + "/ready", json("ready", true)));
        add(rows, "POST /games/{game_id}/start", "owner: the host", f(OWNER_ONLY, 200), (who, w) -> {
            String id = w.game(w.host, false).getString("game_id");
            ok(w.post("/games/" + id + "/join", null, w.actors.guest()), 200);
            return by(who, w, w.host, "/games/" + id + "/start", json("force", true));
        });
        add(rows, "POST /games/{game_id}/kick", "owner: the host", f(OWNER_ONLY, 200), (who, w) -> {
            String id = w.game(w.host, false).getString("game_id");
            Actor seated = w.actors.guest();
            ok(w.post("/games/" + id + "/join", null, seated), 200);
            return by(who, w, w.host, "/games/" + id + "/kick", json("player_id", seated.id()));
        });
    }

    private static void matchmaking(List<Row> rows) {
        add(rows, "POST /matchmaking/tickets", "(cancelled after)", CREATED, (who, w) ->
                by(who, w, null, "/matchmaking/tickets", json("mode", "connect_four", "properties",
                        json("region", "eu"))));
        add(rows, "GET /matchmaking/tickets/{ticket_id}", f(OWNER_ONLY_HIDDEN, 200), (who, w) ->
                by(who, w, w.queued, "/matchmaking/tickets/" + w.ticket, null));
        add(rows, "DELETE /matchmaking/tickets/{ticket_id}", f(OWNER_ONLY_HIDDEN, 200), (who, w) -> {
            Actor owner = w.actors.guest();
            return by(who, w, owner, "/matchmaking/tickets/" + w.ticket(owner), null);
        });
        add(rows, "GET /matchmaking/stats", PUBLIC, (who, w) -> w.as(who, "/matchmaking/stats"));
        add(rows, "POST /parties", "(left after)", CREATED, (who, w) -> by(who, w, null, "/parties", null));
        add(rows, "GET /parties/{party_id}", "owner: a member", f(OWNER_ONLY_HIDDEN, 200), (who, w) ->
                by(who, w, w.leader, "/parties/" + w.party, null));
        add(rows, "POST /parties/{party_id}/invite", "owner: the leader", f(OWNER_ONLY_HIDDEN, 200), (who, w) -> {
            Actor leader = w.actors.guest();
            return by(who, w, leader, "/parties/" + w.party(leader) + "/invite", json("player_id",
                    w.actors.guest().id()));
        });
        for (String action : List.of("accept", "decline")) {
            add(rows, "POST /parties/{party_id}/" + action, "owner: the invitee", f(OWNER_ONLY_HIDDEN, 200),
                    (who, w) -> {
                        Actor invitee = w.actors.guest();
                        String id = w.partyInviting(w.actors.guest(), invitee);
                        return by(who, w, invitee, "/parties/" + id + "/" + action, null);
                    });
        }
        add(rows, "POST /parties/{party_id}/leave", "owner: a member", f(OWNER_ONLY_HIDDEN, 204), (who, w) -> {
            Actor member = w.actors.guest();
            String id = w.partyWith(w.actors.guest(), member);
            return by(who, w, member, "/parties/" + id + "/leave", null);
        });
        for (String action : List.of("kick", "promote")) {
            add(rows, "POST /parties/{party_id}/" + action, "owner: the leader", f(OWNER_ONLY_HIDDEN, 200),
                    (who, w) -> {
                        Actor leader = w.actors.guest();
                        Actor member = w.actors.guest();
                        String id = w.partyWith(leader, member);
                        return by(who, w, leader, "/parties/" + id + "/" + action, json("player_id", member.id()));
                    });
        }
    }

    private static void tournaments(List<Row> rows) {
        add(rows, "POST /tournaments", CREATED, (who, w) -> by(who, w, null, "/tournaments", json("name", "Cup",
                "format", "single_elimination", "mode", "connect_four", "max_players", 8,
                "starts_at", w.node.clock().instant().plusSeconds(3600).toString())));
        add(rows, "GET /tournaments", PUBLIC, (who, w) -> w.as(who, "/tournaments"));
        for (String read : List.of("", "/bracket", "/leaderboard", "/matches", "/corrections")) {
            add(rows, "GET /tournaments/{tournament_id}" + read, PUBLIC, (who, w) ->
                    w.as(who, "/tournaments/" + w.running + read));
        }
        add(rows, "POST /tournaments/{tournament_id}/register", SIGNED_IN.replace("200", "204"), (who, w) ->
                w.as(who, "/tournaments/" + w.registering + "/register"));
        for (var step : List.of(List.of("unregister", "registering"), List.of("check-in", "checking in"))) {
            add(rows, "POST /tournaments/{tournament_id}/" + step.get(0), "registered, " + step.get(1),
                    SIGNED_IN.replace("200", "204"), (who, w) -> {
                        // unregister: a tournament of its own per cell (the register row used the shared one)
                        String id = step.get(0).equals("unregister") ? w.tournament(w.actors.guest(), 60)
                                : w.checkingIn;
                        if (who != Who.ANONYMOUS) {
                            Futures.await(w.node.arena().tournaments().register(UUID.fromString(id),
                                    UUID.fromString(w.account(who).id())));
                        }
                        return w.as(who, "/tournaments/" + id + "/" + step.get(0));
                    });
        }
        add(rows, "POST /tournaments/{tournament_id}/start", "owner: the organiser", f(ORGANISER, 200, 200),
                (who, w) -> {
                    Actor organiser = w.actors.guest();
                    String id = w.tournament(organiser, 60);
                    for (int i = 0; i < 2; i++) {
                        Futures.await(w.node.arena().tournaments().register(UUID.fromString(id),
                                UUID.fromString(w.actors.guest().id())));
                    }
                    return by(who, w, organiser, "/tournaments/" + id + "/start", new JsonObject());
                });
        add(rows, "POST /tournaments/{tournament_id}/cancel", "owner: the organiser", f(ORGANISER, 200, 200),
                (who, w) -> {
                    Actor organiser = w.actors.guest();
                    return by(who, w, organiser, "/tournaments/" + w.tournament(organiser, 60) + "/cancel", null);
                });
        add(rows, "POST /tournaments/{tournament_id}/pairings/{pairing_id}/result", "owner: the organiser",
                f(ORGANISER, 200, 200), (who, w) -> {
                    Actor organiser = w.actors.guest();
                    return by(who, w, organiser, "/tournaments/" + w.startedTournament(organiser)
                            + "/pairings/W1-1/result", json("home_wins", 1, "away_wins", 0));
                });
    }

    private static void console(List<Row> rows) {
        for (String path : List.of("/dashboard/stream", "/dashboard/history", "/dashboard/players")) {
            add(rows, "GET " + path, SIGNED_IN, (who, w) -> w.as(who, path));
        }
        add(rows, "GET /admin/jobs", VIEWERS, (who, w) -> w.as(who, "/admin/jobs"));
        add(rows, "GET /admin/players", VIEWERS, (who, w) -> w.as(who, "/admin/players"));
        add(rows, "GET /admin/players/{id}", VIEWERS, (who, w) -> w.as(who, "/admin/players/" + w.someone.id()));
        add(rows, "DELETE /admin/players/{id}", f(ADMINS, 204), (who, w) -> by(who, w, null,
                "/admin/players/" + w.actors.guest().id(), json("reason", "matrix")));
        add(rows, "PUT /admin/players/{id}/role", f(ADMINS, 200), (who, w) -> by(who, w, null,
                "/admin/players/" + w.actors.guest().id() + "/role", json("role", "viewer", "reason", "matrix")));
        add(rows, "POST /admin/players/{id}/chat-ban", f(MODERATORS, 201, 201), (who, w) -> by(who, w, null,
                "/admin/players/" + w.actors.guest().id() + "/chat-ban", json("reason", "matrix")));
        add(rows, "POST /admin/players/{id}/chat-unban", f(MODERATORS, 204, 204), (who, w) -> by(who, w, null,
                "/admin/players/" + w.sanctioned(true).id() + "/chat-unban", json("reason", "matrix")));
        add(rows, "GET /admin/players/{id}/export", f(ADMINS, 200), (who, w) ->
                w.as(who, "/admin/players/" + w.host.id() + "/export"));
        add(rows, "GET /admin/audit", VIEWERS, (who, w) -> w.as(who, "/admin/audit"));
        add(rows, "GET /admin/matches", VIEWERS, (who, w) -> w.as(who, "/admin/matches"));
        add(rows, "GET /admin/matches/{id}", VIEWERS, (who, w) -> w.as(who, "/admin/matches/" + w.runningMatch));
        add(rows, "POST /admin/matches/{id}/stop", f(MODERATORS, 204, 204), (who, w) -> by(who, w, null,
                "/admin/matches/" + w.game(w.actors.guest(), false).getString("game_id") + "/stop",
                json("reason", "matrix")));
        add(rows, "GET /admin/matchmaking/{mode}", VIEWERS, (who, w) -> w.as(who, "/admin/matchmaking/connect_four"));
        add(rows, "POST /admin/matchmaking/tickets/{id}/cancel", f(MODERATORS, 200, 200), (who, w) -> by(who, w, null,
                "/admin/matchmaking/tickets/" + w.ticket(w.actors.guest()) + "/cancel", json("reason", "matrix")));
        add(rows, "POST /admin/jobs/{step}/{game_id}/retry", "a job that already ran: the role passes, then 404",
                f(ADMINS, 404), (who, w) -> by(who, w, null,
                "/admin/jobs/ratings/" + w.storedPublic + "/retry", json("reason", "matrix")));
        add(rows, "GET /admin/nodes", VIEWERS, (who, w) -> w.as(who, "/admin/nodes"));
        add(rows, "GET /admin/chat/{room}/messages", VIEWERS, (who, w) -> w.as(who, "/admin/chat/general/messages"));
    }

    private static void logs(List<Row> rows) {
        add(rows, "POST /logs/ingest", "NDJSON lines", f(LOGS, 201, 201), (who, w) -> w.as(who, "/logs/ingest"));
        add(rows, "GET /logs/jobs", f(LOGS, 200, 200), (who, w) -> w.as(who, "/logs/jobs"));
        add(rows, "GET /logs/jobs/{id}", f(LOGS, 200, 200), (who, w) -> w.as(who, "/logs/jobs/" + w.logJob));
        add(rows, "GET /logs/export", f(LOGS, 200, 200), (who, w) -> w.as(who, "/logs/export"));
        add(rows, "POST /logs/import", f(ADMINS, 202), (who, w) -> by(who, w, null, "/logs/import",
                json("path", w.importFile.getFileName().toString())));
        add(rows, "GET /analytics/players/{player_id}", SIGNED_IN, (who, w) ->
                w.as(who, "/analytics/players/" + w.logPlayer));
        add(rows, "GET /analytics/modes", SIGNED_IN, (who, w) -> w.as(who, "/analytics/modes"));
        add(rows, "GET /analytics/top", SIGNED_IN, (who, w) -> w.as(who, "/analytics/top?type=kill"));
        add(rows, "GET /analytics/games/{game_id}", SIGNED_IN, (who, w) -> w.as(who, "/analytics/games/" + w.logGame));
    }
}
