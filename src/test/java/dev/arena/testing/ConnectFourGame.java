package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Plays one connect_four game over real sockets to a quick win: whoever moves first drops in column 0 four
 * times, the other in column 1 three times. For tests that need a finished match, not the game itself.
 */
public final class ConnectFourGame {
    /** The game and who won and lost it. */
    public record Played(String gameId, Player winner, Player loser, JsonObject end) {}

    private ConnectFourGame() {}

    /** {@code a} creates the game over HTTP, {@code b} joins, {@code a} starts it, both play over {@code /ws} until {@code match.end}. */
    public static Played play(Http http, Vertx vertx, int port, Player a, Player b) {
        Response created = http.post("/games/create", new JsonObject().put("mode", "connect_four"), a.token());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().getString("game_id");
        Response joined = http.post("/games/" + id + "/join", null, b.token());
        assertThat(joined.status()).as("%s", joined).isEqualTo(200);
        // a lobby game waits for the ready check or its host (docs/LOBBY.md): the host starts it
        Response started = http.post("/games/" + id + "/start", new JsonObject().put("force", true), a.token());
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String first = started.json().getJsonObject("state").getString("to_move");
        Player red = first.equals(a.id()) ? a : b;
        Player yellow = red == a ? b : a;
        try (WsClient r = WsClient.gateway(vertx, port, red.token());
             WsClient y = WsClient.gateway(vertx, port, yellow.token())) {
            r.send(msg("match.join", id));
            r.await("match.state");
            y.send(msg("match.join", id));
            y.await("match.state");
            for (int move = 0; move < 7; move++) {
                boolean redTurn = move % 2 == 0;
                (redTurn ? r : y).send(msg("match.input", id).put("input",
                        new JsonObject().put("type", "drop").put("column", redTurn ? 0 : 1)));
                int expected = move + 1;
                r.await(f -> "match.event".equals(f.getString("type")) && f.getJsonArray("events").stream()
                        .anyMatch(e -> e instanceof JsonObject o && "disc".equals(o.getString("type"))),
                        "disc " + expected);
            }
            JsonObject end = r.await("match.end");
            return new Played(id, red, yellow, end);
        }
    }

    private static JsonObject msg(String type, String gameId) {
        return new JsonObject().put("type", type).put("game_id", gameId);
    }
}
