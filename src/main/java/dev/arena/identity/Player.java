package dev.arena.identity;

import java.time.Instant;
import java.util.UUID;

/** The public view of an account: never carries credentials. {@code username} is null for guests. */
public record Player(UUID id, String username, String displayName, Role role, boolean isGuest, Instant createdAt) {}
