package dev.arena.config;

import java.time.Duration;

/**
 * Tournaments (docs/TOURNAMENTS.md).
 *
 * @param sweepInterval how often due check-ins, starts and no-show deadlines are looked for (each judged by the
 *                      node's clock, so this bounds how late they act, not when)
 */
public record TournamentConfig(Duration sweepInterval) {}
