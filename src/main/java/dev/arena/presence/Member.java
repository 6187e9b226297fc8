package dev.arena.presence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.arena.common.Json;
import java.util.List;
import java.util.UUID;

/**
 * One connection present in a room. Presence is per connection (session), so a player on two devices
 * shows twice with two session ids. {@code node} says which node holds the connection, so the presence
 * of a node that dies can be removed by the others; it is not sent to clients.
 */
public record Member(UUID userId, String displayName, UUID sessionId, @JsonIgnore String node) {

    /**
     * Appends the wire form, {@code {"user_id":…,"display_name":…,"session_id":…}}, the same as Jackson writes it.
     * Written by hand because every {@code room.joined} lists up to 100 members: through Jackson's bean serialiser
     * and its char buffers that was half of what a mass join allocated (JFR, 5,000 joins into one room).
     */
    public StringBuilder appendJson(StringBuilder b) {
        b.append("{\"user_id\":");
        uuid(b, userId).append(",\"display_name\":");
        Json.appendQuoted(b, displayName).append(",\"session_id\":");
        return uuid(b, sessionId).append('}');
    }

    /** Appends {@code members} as a JSON array. */
    public static StringBuilder appendJson(StringBuilder b, List<Member> members) {
        b.append('[');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            members.get(i).appendJson(b);
        }
        return b.append(']');
    }

    private static StringBuilder uuid(StringBuilder b, UUID id) {
        return id == null ? b.append("null") : b.append('"').append(id).append('"');
    }
}
