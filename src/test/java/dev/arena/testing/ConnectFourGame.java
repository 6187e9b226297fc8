package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.IntConsumer;

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
            redWins(r, y, id, move -> r.await(f -> hasEvent(f, "disc"), "disc " + (move + 1)));
            JsonObject end = r.await("match.end");
            return new Played(id, red, yellow, end);
        }
    }

    /**
     * Red drops in column 0, yellow in column 1, in turn, until red has four in a row (seven moves);
     * {@code seen} waits until each move is seen before the next is sent.
     */
    public static void redWins(WsClient red, WsClient yellow, String gameId, IntConsumer seen) {
        for (int move = 0; move < 7; move++) {
            boolean redTurn = move % 2 == 0;
            (redTurn ? red : yellow).send(drop(gameId, redTurn ? 0 : 1));
            seen.accept(move);
        }
    }

    /** The rules' refusals, with their codes: yellow out of turn, red off the board, an input that is not a drop. */
    public static void assertRefusals(WsClient red, WsClient yellow, String gameId) {
        yellow.send(drop(gameId, 0).put("rid", "early"));
        assertThat(yellow.await("error").getString("code")).isEqualTo("not_your_turn");
        red.send(drop(gameId, 9).put("rid", "far"));
        assertThat(red.await("error").getString("code")).isEqualTo("out_of_range");
        red.send(msg("match.input", gameId).put("input", new JsonObject().put("type", "jump")));
        assertThat(red.await("error").getString("code")).isEqualTo("malformed");
    }

    /** A {@code match.input} dropping a disc. */
    public static JsonObject drop(String gameId, int column) {
        return msg("match.input", gameId).put("input", new JsonObject().put("type", "drop").put("column", column));
    }

    /** Whether a {@code match.event} frame holds an event of {@code type}. */
    public static boolean hasEvent(JsonObject frame, String type) {
        return "match.event".equals(frame.getString("type")) && frame.getJsonArray("events").stream()
                .anyMatch(e -> e instanceof JsonObject o && type.equals(o.getString("type")));
    }

    private static JsonObject msg(String type, String gameId) {
        return new JsonObject().put("type", type).put("game_id", gameId);
    }
}
