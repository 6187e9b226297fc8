package dev.arena.chat;

import java.time.Instant;
import java.util.UUID;

/** One stored chat message. {@code message} is the text as stored (after masking); {@code id} orders a room. */
public record ChatMessage(long id, String room, UUID from, String displayName, String message, Instant ts) {}
