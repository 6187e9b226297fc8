package dev.arena.cluster;

import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The wire form of every {@link NodeMessage}, and only here. A request travels as its kind (the record's name) and
 * its fields as JSON. A push is a frame of a running match, sent once per tick per watching node, so it is written
 * by hand without re-quoting the frame text the owner already serialised: {@code <kind>|<game>|<tick or
 * player>|<text>}.
 */
public final class NodeCodec {
    private static final Map<String, Class<? extends NodeMessage.Request>> REQUESTS = new HashMap<>();

    static {
        collect(NodeMessage.Request.class);
    }

    private NodeCodec() {}

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> sealed) {
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isRecord()) {
                REQUESTS.put(c.getSimpleName(), (Class<? extends NodeMessage.Request>) c);
            } else {
                collect(c);
            }
        }
    }

    /** Every request kind, so a node can answer each. */
    public static Set<String> requestKinds() {
        return Set.copyOf(REQUESTS.keySet());
    }

    public static String kind(NodeMessage.Request request) {
        return request.getClass().getSimpleName();
    }

    public static String body(NodeMessage.Request request) {
        return Json.encodeToString(request);
    }

    /** The request of {@code kind}; {@link IllegalArgumentException} for a kind no version of Arena sends. */
    public static NodeMessage.Request request(String kind, String body) {
        Class<? extends NodeMessage.Request> type = REQUESTS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unknown node request kind " + kind);
        }
        return Json.decode(body, type);
    }

    public static String push(NodeMessage.Push push) {
        return switch (push) {
            case NodeMessage.Frame f -> "f|" + f.game() + "|" + f.tick() + "|" + f.text();
            case NodeMessage.End e -> "e|" + e.game() + "|" + e.tick() + "|" + e.text();
            case NodeMessage.Refused r -> "p|" + r.game() + "|" + r.player() + "|" + r.text();
        };
    }

    /** The push; {@link IllegalArgumentException} for a kind no version of Arena sends. */
    public static NodeMessage.Push push(String wire) {
        String[] parts = wire.split("\\|", 4);
        MatchId game = new MatchId(UUID.fromString(parts[1]));
        return switch (parts[0]) {
            case "f" -> new NodeMessage.Frame(game, Long.parseLong(parts[2]), parts[3]);
            case "e" -> new NodeMessage.End(game, Long.parseLong(parts[2]), parts[3]);
            case "p" -> new NodeMessage.Refused(game, PlayerId.parse(parts[2]), parts[3]);
            default -> throw new IllegalArgumentException("unknown node push kind " + parts[0]);
        };
    }
}
