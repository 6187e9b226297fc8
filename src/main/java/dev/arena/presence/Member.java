package dev.arena.presence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * One connection present in a room. Presence is per connection (session), so a player on two devices
 * shows twice with two session ids. {@code node} says which node holds the connection, so the presence
 * of a node that dies can be removed by the others; it is not sent to clients.
 */
public record Member(UUID userId, String displayName, UUID sessionId, @JsonIgnore String node) {}
