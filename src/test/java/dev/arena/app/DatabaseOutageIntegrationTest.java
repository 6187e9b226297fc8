package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.MutableClock;
import dev.arena.testing.Response;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, faults under load: PostgreSQL goes away (every connection of the node's pool terminated, new ones
 * refused, as an external server's restart looks to its clients) while players chat in a room and relayed
 * matches report their results. Readiness turns 503 at once and back after; each chat line gets an answer, an
 * {@code ack} or an {@code error}, never silence; every acknowledged line and every acknowledged (202) result is
 * stored; a result reported during the outage is answered 503 and stored once the database is back.
 */
@Tag("chaos")
class DatabaseOutageIntegrationTest {
    private static final int CHATTERS = 10;
    private static final String ROOM = "outage-room";
    private static TestNode node;
    private static String database;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        var db = TestDatabases.fresh(DatabaseOutageIntegrationTest.class);
        database = db.database();
        node = TestNode.start(Map.of("ARENA_DATABASE_URL", TestDatabases.asUrl(db),
                "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET, "ARENA_WS_RATE", "200", "ARENA_WS_BURST", "400"),
                new MutableClock());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        TestDatabases.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        vertx.close();
        node.close();
    }

    /** Every answer (ack or error) by rid, taken from the sockets; chat broadcasts are dropped as they come. */
    private final Map<String, JsonObject> answers = new HashMap<>();

    private Map<String, JsonObject> answers(List<WsClient> clients) {
        for (WsClient c : clients) {
            c.drain("chat.message");
            for (String type : List.of("ack", "error")) {
                c.drain(type).forEach(f -> answers.put(f.getString("rid"), f));
            }
        }
        return answers;
    }

    @Test
    void aDatabaseOutageUnderLoadLosesNothingAcknowledgedAndLeavesNobodyWithoutAnAnswer() {
        Http http = node.http();
        String a = node.register("outage-a", "password-1").getString("token");
        JsonObject bBody = node.register("outage-b", "password-1");
        String b = bBody.getString("token");
        String bId = bBody.getJsonObject("player").getString("id");
        String before = EmbeddedDatabaseCrashIntegrationTest.relayMatchRunning(http, a, b);
        String during = EmbeddedDatabaseCrashIntegrationTest.relayMatchRunning(http, a, b);
        String after = EmbeddedDatabaseCrashIntegrationTest.relayMatchRunning(http, a, b);

        List<WsClient> clients = new ArrayList<>();
        for (int i = 0; i < CHATTERS; i++) {
            String token = http.post("/auth/guest", new JsonObject().put("device_id", "outage-" + i)).json()
                    .getString("token");
            WsClient c = WsClient.gateway(vertx, node.arena().port(), token);
            WsClient.join(c, ROOM);
            clients.add(c);
        }
        // one line every 20 ms, round robin over the players, each with a rid that must get an answer
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        long sender = vertx.setPeriodic(20, t -> {
            int n = sent.size();
            String rid = "line-" + n;
            sent.add(rid);
            clients.get(n % CHATTERS).send(WsClient.msg("chat.send", "room", ROOM, "message", "line " + n,
                    "rid", rid));
        });
        try {
            Eventually.until(() -> answers(clients).size(), n -> n >= 20, "chat acknowledged before the outage");
            assertThat(http.post("/games/" + before + "/finish", winner(bId), a).status()).isEqualTo(202);

            // the outage: the pool's connections are cut and new ones refused
            TestDatabases.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            TestDatabases.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database + "'");
            int sentAtOutage = sent.size();
            Eventually.until(() -> http.get("/health/ready").status(), s -> s == 503, Duration.ofSeconds(2),
                    "/health/ready to answer 503 within 2 s");
            // players get errors, not silence, for lines sent while it is down
            Eventually.until(() -> answers(clients).values().stream().filter(f -> "error".equals(f.getString("type")))
                    .count(), n -> n >= 5, "error answers to chat lines during the outage");
            Response reported = http.post("/games/" + during + "/finish", winner(bId), a);
            assertThat(reported.status()).as("a result that cannot be stored yet: %s", reported).isEqualTo(503);
            assertThat(sent.size()).isGreaterThan(sentAtOutage);

            TestDatabases.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            Eventually.until(() -> http.get("/health/ready").status(), s -> s == 200, "ready again");
            int sentAtRecovery = sent.size();
            // the pool reconnects: lines sent from now on are acknowledged again
            Eventually.until(() -> answers(clients), m -> m.entrySet().stream().anyMatch(e ->
                    index(e.getKey()) > sentAtRecovery && "ack".equals(e.getValue().getString("type"))),
                    "chat acknowledged after the outage");
            assertThat(http.post("/games/" + after + "/finish", winner(bId), a).status()).isEqualTo(202);
        } finally {
            vertx.cancelTimer(sender);
        }
        List<String> all = List.copyOf(sent);
        Eventually.until(() -> answers(clients).keySet(), k -> k.containsAll(all), Duration.ofSeconds(30),
                "an answer to every line sent");

        // every acknowledged line is stored, with the id its ack gave
        Set<Long> acked = new HashSet<>();
        answers.values().stream().filter(f -> "ack".equals(f.getString("type")))
                .forEach(f -> acked.add(f.getLong("id")));
        Set<Long> stored = new HashSet<>();
        Long cursor = null;
        do {
            Response page = http.get("/chat/" + ROOM + "/messages?limit=100"
                    + (cursor == null ? "" : "&before=" + cursor), a);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().getJsonArray("messages").forEach(m -> stored.add(((JsonObject) m).getLong("id")));
            cursor = page.json().getLong("next_before");
        } while (cursor != null);
        assertThat(stored).as("acknowledged chat lines").containsAll(acked);
        System.out.printf("database outage: %d lines sent, %d acknowledged, %d refused with an error%n", all.size(),
                acked.size(), all.size() - acked.size());

        // every result: the two acknowledged ones, and the one reported during the outage once it was retried
        for (String game : List.of(before, during, after)) {
            JsonObject replay = Eventually.until(() -> http.get("/games/" + game + "/replay", a), r -> r.status() == 200,
                    Duration.ofSeconds(60), "the stored result of " + game).json();
            assertThat(replay.getJsonObject("result").getJsonObject("outcome").getString("player"))
                    .as("%s", replay).isEqualTo(bId);
        }
        clients.forEach(WsClient::close);
    }

    private static JsonObject winner(String player) {
        return new JsonObject().put("result", new JsonObject().put("winner", player));
    }

    private static int index(String rid) {
        return Integer.parseInt(rid.substring("line-".length()));
    }
}
