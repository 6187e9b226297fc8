package dev.arena.player;

import java.time.Instant;
import java.util.UUID;

/** One finished game in a profile. */
public record RecentMatch(UUID gameId, String mode, String outcome, Instant finishedAt) {}
