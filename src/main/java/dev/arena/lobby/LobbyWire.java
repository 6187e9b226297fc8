package dev.arena.lobby;

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

    /** One change: {@code op} is {@code added}, {@code updated} or {@code removed}. */
    record Change(String op, LobbyMatch game) {}

    public static String games(List<LobbyMatch> games) {
        return Json.encodeToString(games);
    }

    public static List<LobbyMatch> games(String json) {
        return Arrays.asList(Json.decode(json, LobbyMatch[].class));
    }

    public static String changes(List<LobbyChange> changes) {
        List<Change> out = new ArrayList<>(changes.size());
        for (LobbyChange c : changes) {
            out.add(new Change(switch (c) {
                case LobbyChange.Added a -> "added";
                case LobbyChange.Updated u -> "updated";
                case LobbyChange.Removed r -> "removed";
            }, c.game()));
        }
        return Json.encodeToString(out);
    }

    /** @throws IllegalStateException when the text is not a list of changes */
    public static List<LobbyChange> changes(String json) {
        List<LobbyChange> out = new ArrayList<>();
        for (Change c : Json.decode(json, Change[].class)) {
            out.add(switch (c.op()) {
                case "added" -> new LobbyChange.Added(c.game());
                case "updated" -> new LobbyChange.Updated(c.game());
                case "removed" -> new LobbyChange.Removed(c.game());
                default -> throw new IllegalStateException("unknown lobby change " + c.op());
            });
        }
        return out;
    }
}
