package dev.arena.chat;

import java.time.Instant;
import java.util.UUID;

public record ChatMessage(long id, String room, UUID from, String displayName, String message, Instant ts) {}
