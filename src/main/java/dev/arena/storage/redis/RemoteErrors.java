package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A failed answer between nodes: the {@link ArenaException} the owner raised, sent as JSON and raised again on the
 * asking node with the same kind, code, message and fields, so HTTP and socket answers are identical wherever a
 * client asks. Anything else is an {@code internal} failure (logged by the owner).
 */
final class RemoteErrors {
    private RemoteErrors() {}

    static String encode(Throwable e) {
        JsonObject o = new JsonObject().put("message", e.getMessage());
        String kind = switch (e) {
            case ArenaException.NotFound x -> "not_found";
            case ArenaException.Conflict x -> "conflict";
            case ArenaException.Invalid x -> {
                JsonArray fields = new JsonArray();
                x.errors().forEach(f -> fields.add(new JsonObject().put("field", f.field()).put("message", f.message())));
                o.put("errors", fields);
                yield "invalid";
            }
            case ArenaException.Unauthorized x -> "unauthorized";
            case ArenaException.Forbidden x -> "forbidden";
            case ArenaException.RateLimited x -> {
                o.put("retry_after_ms", x.retryAfter().toMillis());
                yield "rate_limited";
            }
            case ArenaException.Rejected x -> {
                o.put("code", x.code());
                yield "rejected";
            }
            case ArenaException.Unavailable x -> "unavailable";
            default -> "internal";
        };
        return o.put("kind", kind).encode();
    }

    static Throwable decode(String node, String json) {
        JsonObject o = new JsonObject(json);
        String message = o.getString("message");
        return switch (o.getString("kind", "internal")) {
            case "not_found" -> new ArenaException.NotFound(message);
            case "conflict" -> new ArenaException.Conflict(message);
            case "invalid" -> {
                List<ArenaException.FieldError> errors = new ArrayList<>();
                for (Object f : o.getJsonArray("errors", new JsonArray())) {
                    JsonObject fo = (JsonObject) f;
                    errors.add(new ArenaException.FieldError(fo.getString("field"), fo.getString("message")));
                }
                yield new ArenaException.Invalid(errors);
            }
            case "unauthorized" -> new ArenaException.Unauthorized(message);
            case "forbidden" -> new ArenaException.Forbidden(message);
            case "rate_limited" -> new ArenaException.RateLimited(message,
                    Duration.ofMillis(o.getLong("retry_after_ms", 1000L)));
            case "rejected" -> new ArenaException.Rejected(o.getString("code"), message);
            case "unavailable" -> new ArenaException.Unavailable(message);
            default -> new IllegalStateException("node " + node + " failed: " + message);
        };
    }
}
