package dev.arena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.logs.LogFixtures;
import dev.arena.testing.Actors;
import dev.arena.testing.Actors.Actor;
import dev.arena.testing.Eventually;
import dev.arena.testing.Futures;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The accounts and resources the authorisation matrix acts on, seeded once: one account per role, and a game, a
 * private game, finished public and private games, tournaments, a party, a ticket, a chat room and a log job, each
 * with its owner or participant. Rows that change what they touch (join, delete, cancel...) ask for fresh resources
 * through the helpers here, so that every role meets the same situation.
 */
final class AccessWorld {
    /** Who makes a request: the columns of the matrix. {@code OWNER} is the resource's owner or participant. */
    enum Who {
        ANONYMOUS, GUEST, PLAYER, OWNER, MODERATOR, ADMIN, VIEWER, INGEST;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A request to make: the token (null: none), the concrete path and the body (null: none). */
    record Call(String token, String path, Object body) {}

    final NodeFixture node;
    final Actors actors;
    private final Map<Who, Actor> accounts = new EnumMap<>(Who.class);

    /** A plain registered player with no part in anything, whose profile everybody may read. */
    final Actor someone;
    /** The host of the seeded games, and the other player seated in them. */
    final Actor host;
    final Actor guestOfHost;
    final String publicGame;
    /** A running relay game of {@code host} and {@code guestOfHost}. */
    final String runningMatch;
    final String privateGame;
    final String privateCode;
    /** Finished relay games, stored with their results: {@code host} won both. */
    final String storedPublic;
    final String storedPrivate;
    /** Tournaments of {@code organiser}: one taking registrations, one whose check-in is open, one running. */
    final Actor organiser;
    final String registering;
    final String checkingIn;
    final String running;
    /** A party led by {@code leader}, and a ticket queued by {@code queued}. */
    final Actor leader;
    final String party;
    final Actor queued;
    final String ticket;
    /** A direct-message room of {@code host} and {@code guestOfHost}. */
    final String dmRoom;
    /** A log job, and a game and a player the ingested lines name. */
    final String logJob;
    final String logGame;
    final String logPlayer;
    final Path importFile;

    AccessWorld(NodeFixture node, Path importDir) {
        this.node = node;
        this.actors = new Actors(node);
        accounts.put(Who.GUEST, actors.guest());
        accounts.put(Who.PLAYER, actors.registered(Role.PLAYER));
        accounts.put(Who.MODERATOR, actors.registered(Role.MODERATOR));
        accounts.put(Who.ADMIN, actors.registered(Role.ADMIN));
        accounts.put(Who.VIEWER, actors.registered(Role.VIEWER));
        accounts.put(Who.INGEST, actors.registered(Role.INGEST));
        someone = actors.guest();
        host = actors.guest();
        guestOfHost = actors.guest();

        publicGame = game(host, false).getString("game_id");
        JsonObject priv = game(host, true);
        privateGame = priv.getString("game_id");
        privateCode = priv.getString("join_code");
        runningMatch = runningMatch(host, guestOfHost, false);
        storedPublic = finished(false);
        storedPrivate = finished(true);
        Eventually.until(() -> node.http().get("/leaderboard/global/around/" + host.id() + "?mode=relay").status(),
                s -> s == 200, "the host's rating from the stored games");

        organiser = actors.guest();
        registering = tournament(organiser, 60);
        checkingIn = tournament(organiser, 10, 30);
        Futures.await(node.arena().tournaments().sweep());
        running = startedTournament(organiser);

        leader = actors.guest();
        party = party(leader);
        queued = actors.guest();
        ticket = ticket(queued);

        dmRoom = "dm:" + min(host.id(), guestOfHost.id()) + ":" + max(host.id(), guestOfHost.id());
        try (var c = node.socket(host.player())) {
            c.send(new JsonObject().put("type", "dm.send").put("to", guestOfHost.id()).put("message", "hi")
                    .put("rid", "dm"));
            c.await(o -> "dm".equals(o.getValue("rid")), "the direct message's ack");
        }

        byte[] lines = LogFixtures.generate(50, 3, 2, 7, 0);
        Response upload = LogFixtures.upload(nodeOf(), token(Who.INGEST), "", lines, Map.of());
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        logJob = upload.json().getString("job_id");
        JsonObject first = new JsonObject(new String(lines, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        logGame = first.getString("game_id");
        logPlayer = first.getString("player_id");
        try {
            importFile = importDir.resolve("import.ndjson");
            Files.write(importFile, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private dev.arena.testing.TestNode nodeOf() {
        return node.testNode();
    }

    /** The token of one of the role accounts; null for {@code ANONYMOUS}. */
    String token(Who who) {
        if (who == Who.ANONYMOUS) {
            return null;
        }
        Actor a = accounts.get(who);
        if (a == null) {
            throw new IllegalArgumentException(who + " is a resource's owner: the row names the owner");
        }
        return a.token();
    }

    Actor account(Who who) {
        return accounts.get(who);
    }

    /** A new account of the column's kind (for rows that end the caller's sessions). */
    Actor fresh(Who who) {
        return switch (who) {
            case GUEST -> actors.guest();
            case PLAYER -> actors.registered(Role.PLAYER);
            case MODERATOR -> actors.registered(Role.MODERATOR);
            case ADMIN -> actors.registered(Role.ADMIN);
            case VIEWER -> actors.registered(Role.VIEWER);
            case INGEST -> actors.registered(Role.INGEST);
            default -> throw new IllegalArgumentException(who.name());
        };
    }

    /** The call as the column's account, or as {@code owner} in the owner column. */
    Call as(Who who, Actor owner, String path, Object body) {
        return new Call(who == Who.OWNER ? owner.token() : token(who), path, body);
    }

    Call as(Who who, String path) {
        return as(who, null, path, null);
    }

    Response post(String path, Object body, Actor a) {
        return node.http().post(path, body, a.token());
    }

    static JsonObject ok(Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.body().isEmpty() ? new JsonObject() : r.json();
    }

    /** A waiting relay game for two made by {@code by} (the host), with its join code when private. */
    JsonObject game(Actor by, boolean priv) {
        return ok(post("/games/create", new JsonObject().put("mode", "relay").put("max_players", 2)
                .put("private", priv), by), 201);
    }

    /** A running relay game of {@code by} and {@code other}. */
    String runningMatch(Actor by, Actor other, boolean priv) {
        JsonObject g = game(by, priv);
        String id = g.getString("game_id");
        ok(post("/games/" + id + "/join", priv ? new JsonObject().put("join_code", g.getString("join_code")) : null,
                other), 200);
        for (Actor a : new Actor[] {by, other}) {
            ok(post("/games/" + id + "/ready", new JsonObject().put("ready", true), a), 200);
        }
        Eventually.until(() -> node.http().get("/games/" + id + "/state", by.token()).json(),
                s -> "running".equals(s.getString("status")), "the relay game to start");
        return id;
    }

    /** A relay game of {@code host} and {@code guestOfHost}, finished (host won) and stored. */
    private String finished(boolean priv) {
        String id = runningMatch(host, guestOfHost, priv);
        ok(post("/games/" + id + "/finish", new JsonObject().put("result", new JsonObject().put("winner", host.id())),
                host), 202);
        Eventually.until(() -> node.http().get("/games/" + id + "/replay", host.token()).status(), s -> s == 200,
                "the finished game to be stored");
        return id;
    }

    /** A single-elimination tournament starting in {@code minutes}, without check-in. */
    String tournament(Actor by, int minutes) {
        return tournament(by, minutes, 0);
    }

    /** A single-elimination tournament starting in {@code minutes}, check-in the {@code checkIn} minutes before. */
    String tournament(Actor by, int minutes, int checkIn) {
        return ok(post("/tournaments", new JsonObject().put("name", "Cup").put("format", "single_elimination")
                .put("mode", "connect_four").put("max_players", 64).put("best_of", 1)
                .put("starts_at", node.clock().instant().plusSeconds(minutes * 60L).toString())
                .put("check_in_minutes", checkIn), by), 201).getString("tournament_id");
    }

    /** A tournament of two players, started by its organiser: its first pairing is {@code W1-1}. */
    String startedTournament(Actor by) {
        String id = tournament(by, 60);
        for (int i = 0; i < 2; i++) {
            UUID player = UUID.fromString(actors.guest().id());
            Futures.await(node.arena().tournaments().register(UUID.fromString(id), player));
        }
        ok(post("/tournaments/" + id + "/start", new JsonObject(), by), 200);
        return id;
    }

    String party(Actor by) {
        return ok(post("/parties", null, by), 201).getString("party_id");
    }

    /** A party of {@code by} with {@code who} invited (not yet a member). */
    String partyInviting(Actor by, Actor who) {
        String id = party(by);
        ok(post("/parties/" + id + "/invite", new JsonObject().put("player_id", who.id()), by), 200);
        return id;
    }

    /** A party of {@code by} with {@code who} as a member. */
    String partyWith(Actor by, Actor who) {
        String id = partyInviting(by, who);
        ok(post("/parties/" + id + "/accept", null, who), 200);
        return id;
    }

    String ticket(Actor by) {
        return ok(post("/matchmaking/tickets", new JsonObject().put("mode", "connect_four")
                .put("properties", new JsonObject().put("region", "eu")), by), 201)
                .getString("ticket_id");
    }

    /** A guest muted (all rooms) or banned from chat by the admin account. */
    Actor sanctioned(boolean ban) {
        Actor target = actors.guest();
        JsonObject body = new JsonObject().put("player_id", target.id()).put("reason", "matrix");
        if (!ban) {
            body.put("duration_seconds", 600);
        }
        ok(node.http().post(ban ? "/chat/bans" : "/chat/mutes", body, token(Who.ADMIN)), 201);
        return target;
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) <= 0 ? b : a;
    }
}
