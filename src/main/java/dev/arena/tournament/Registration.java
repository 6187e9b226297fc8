package dev.arena.tournament;

import java.time.Instant;
import java.util.UUID;

/** A registered player; {@code seed} is given at the start to those who take part. */
public record Registration(UUID playerId, String displayName, Instant registeredAt, Instant checkedInAt,
                           Integer seed) {}
