package dev.arena.chat;

import java.time.Instant;
import java.util.UUID;

/** A chat ban: no posts or direct messages anywhere until a moderator lifts it. {@code by} is the moderator. */
public record Ban(UUID playerId, String reason, UUID by, Instant createdAt) {}
