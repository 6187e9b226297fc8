package dev.arena.match;

/**
 * What anyone may see of a match's game state: sent in full to a joining player or spectator and returned by
 * {@code GET /games/{id}/state}. Games implement it with an immutable record written by
 * {@code dev.arena.common.Json}. Hidden information (a hand of cards) must not be in it.
 */
public interface PublicState {}
