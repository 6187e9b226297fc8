package dev.arena.lobby;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arena.common.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Listings and changes as they travel between nodes (JSON in the wire's snake_case, the same fields clients
 * see): answers to {@code lobby.list} and the lobby channel's messages.
 */
public final class LobbyWire {
    private LobbyWire() {}

    /**
     * One change: {@code op} is {@code added}, {@code updated} or {@code removed} for an open game, the same with
     * {@code live_} for a live match. A node skips ops it does not know (a newer node's), so a cluster can be
     * upgraded node by node; a node publishes open-game and live-match changes in separate messages, so an older
     * node, which drops a whole message with an op it does not know, still gets every open-game change.
     */
    record Change(String op, JsonNode game) {}

    private static final String LIVE = "live_";

    public static String games(List<LobbyMatch> games) {
        return Json.encodeToString(games);
    }

    public static List<LobbyMatch> games(String json) {
        return Arrays.asList(Json.decode(json, LobbyMatch[].class));
    }

    /** The live matches of another node's {@code GET /games?status=running&watchable=true} answer. */
    public static List<LiveMatch> live(String json) {
        return Arrays.asList(Json.decode(json, LiveMatch[].class));
    }

    public static String changes(List<LobbyChange> changes) {
        List<Change> out = new ArrayList<>(changes.size());
        for (LobbyChange c : changes) {
            String op = switch (c) {
                case LobbyChange.Added a -> "added";
                case LobbyChange.Updated u -> "updated";
                case LobbyChange.Removed r -> "removed";
            };
            out.add(new Change(c.game() instanceof LiveMatch ? LIVE + op : op, Json.MAPPER.valueToTree(c.game())));
        }
        return Json.encodeToString(out);
    }

    /** @throws IllegalStateException when the text is not a list of changes */
    public static List<LobbyChange> changes(String json) {
        List<LobbyChange> out = new ArrayList<>();
        for (Change c : Json.decode(json, Change[].class)) {
            if (c.op() == null || c.game() == null) {
                throw new IllegalStateException("a lobby change without op or game");
            }
            boolean live = c.op().startsWith(LIVE);
            String op = live ? c.op().substring(LIVE.length()) : c.op();
            if (!op.equals("added") && !op.equals("updated") && !op.equals("removed")) {
                continue; // a newer node's kind of change
            }
            Listing game;
            try {
                Class<? extends Listing> type = live ? LiveMatch.class : LobbyMatch.class;
                game = Json.MAPPER.treeToValue(c.game(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable lobby change: " + e.getOriginalMessage(), e);
            }
            switch (op) {
                case "added" -> out.add(new LobbyChange.Added(game));
                case "updated" -> out.add(new LobbyChange.Updated(game));
                default -> out.add(new LobbyChange.Removed(game));
            }
        }
        return out;
    }
}
