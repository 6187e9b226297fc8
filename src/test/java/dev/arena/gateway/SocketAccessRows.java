package dev.arena.gateway;

import dev.arena.gateway.AccessWorld.Who;
import dev.arena.testing.Actors.Actor;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Who may send each message on {@code /ws}: the answer per {@link Who} (same columns as the HTTP rows): {@code ok}
 * (the reply, not an {@code error}), an {@code error} frame's code, or for {@code anonymous} the status refusing the
 * upgrade (a socket needs a token). One row per message type at least; the probe frame of each row is decoded by
 * the server's own decoder to learn which type it covers.
 */
final class SocketAccessRows {
    /**
     * The frames one cell sends as {@code actor}: {@code setup} first (each answered before the next), then
     * {@code probe}, whose answer is the cell's. {@code replies}: the probe is answered on success (false for
     * {@code match.input}, whose success is silence).
     */
    record Probe(Actor actor, List<JsonObject> setup, JsonObject probe, boolean replies) {}

    record Row(String type, String note, String expected, BiFunction<Who, AccessWorld, Probe> probe) {
        String[] answers() {
            return expected.split(" ");
        }
    }

    private static final String ANYONE = "401 ok ok - ok ok ok ok";
    /** Only a player seated in the game (seats are taken over HTTP: join, join by code). */
    private static final String NOT_SEATED = "401 not_participant not_participant ok not_participant "
            + "not_participant not_participant not_participant";

    private SocketAccessRows() {}

    static JsonObject msg(String type, Object... kv) {
        JsonObject o = new JsonObject().put("type", type);
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    private static Actor actor(Who who, AccessWorld w, Actor owner) {
        return who == Who.OWNER ? owner : w.account(who);
    }

    private static Probe probe(Who who, AccessWorld w, Actor owner, JsonObject probe, JsonObject... setup) {
        return new Probe(actor(who, w, owner), List.of(setup), probe, true);
    }

    private static JsonObject joinGeneral() {
        return msg("room.join", "room", "general");
    }

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("ping", "", ANYONE, (who, w) -> probe(who, w, null, msg("ping"))));
        rows.add(new Row("room.join", "a room", ANYONE, (who, w) -> probe(who, w, null, joinGeneral())));
        rows.add(new Row("room.join", "a reserved room (a player's own)", "401 forbidden forbidden - forbidden "
                + "forbidden forbidden forbidden", (who, w) -> probe(who, w, null,
                msg("room.join", "room", "user:" + w.someone.id()))));
        rows.add(new Row("room.leave", "", ANYONE, (who, w) -> probe(who, w, null,
                msg("room.leave", "room", "general"), joinGeneral())));
        rows.add(new Row("room.send", "", ANYONE, (who, w) -> probe(who, w, null,
                msg("room.send", "room", "general", "data", new JsonObject().put("x", 1)), joinGeneral())));
        rows.add(new Row("chat.send", "", ANYONE, (who, w) -> probe(who, w, null,
                msg("chat.send", "room", "general", "message", "hello"), joinGeneral())));
        rows.add(new Row("chat.history", "", ANYONE, (who, w) -> probe(who, w, null,
                msg("chat.history", "room", "general"), joinGeneral())));
        rows.add(new Row("dm.send", "", ANYONE, (who, w) -> probe(who, w, null,
                msg("dm.send", "to", w.someone.id(), "message", "hello"))));
        rows.add(new Row("presence.list", "", ANYONE, (who, w) -> probe(who, w, null,
                msg("presence.list", "room", "general"), joinGeneral())));
        rows.add(new Row("match.join", "a public game; owner: seated (by HTTP)", NOT_SEATED, (who, w) ->
                probe(who, w, w.host, msg("match.join", "game_id", w.game(w.host, false).getString("game_id")))));
        rows.add(new Row("match.join", "a private game", "401 not_participant not_participant ok "
                + "not_participant not_participant not_participant not_participant", (who, w) ->
                probe(who, w, w.host, msg("match.join", "game_id", w.game(w.host, true).getString("game_id")))));
        rows.add(new Row("match.spectate", "a public game", "401 ok ok ok ok ok ok ok", (who, w) ->
                probe(who, w, w.host, msg("match.spectate", "game_id", w.game(w.host, false).getString("game_id")))));
        rows.add(new Row("match.spectate", "a private game", "401 forbidden forbidden ok ok ok ok "
                + "forbidden", (who, w) -> probe(who, w, w.host,
                msg("match.spectate", "game_id", w.game(w.host, true).getString("game_id")))));
        rows.add(new Row("match.input", "a running relay game; owner: seated", NOT_SEATED, (who, w) -> {
                    Actor host = w.actors.guest();
                    String id = w.runningMatch(host, w.actors.guest(), false);
                    JsonObject input = msg("match.input", "game_id", id, "input", new JsonObject().put("x", 1));
                    List<JsonObject> setup = who == Who.OWNER ? List.of(msg("match.join", "game_id", id)) : List.of();
                    return new Probe(actor(who, w, host), setup, input, false);
                }));
        rows.add(new Row("match.leave", "owner: seated", NOT_SEATED, (who, w) -> {
                    Actor host = w.actors.guest();
                    return probe(who, w, host, msg("match.leave", "game_id", w.game(host, false)
                            .getString("game_id")));
                }));
        rows.add(new Row("match.ready", "owner: seated", NOT_SEATED, (who, w) -> {
                    Actor host = w.actors.guest();
                    return probe(who, w, host, msg("match.ready", "game_id", w.game(host, false)
                            .getString("game_id"), "ready", true));
                }));
        rows.add(new Row("lobby.subscribe", "", ANYONE, (who, w) -> probe(who, w, null, msg("lobby.subscribe"))));
        rows.add(new Row("lobby.unsubscribe", "", ANYONE, (who, w) -> probe(who, w, null, msg("lobby.unsubscribe"),
                msg("lobby.subscribe"))));
        rows.add(new Row("mm.enqueue", "(cancelled after)", ANYONE, (who, w) -> probe(who, w, null,
                msg("mm.enqueue", "mode", "connect_four", "properties", new JsonObject().put("region", "eu")))));
        rows.add(new Row("mm.cancel", "owner: the ticket's", "401 not_found not_found ok not_found not_found "
                + "not_found not_found", (who, w) -> {
                    Actor owner = w.actors.guest();
                    return probe(who, w, owner, msg("mm.cancel", "ticket_id", w.ticket(owner)));
                }));
        return rows;
    }
}
