package dev.arena.bench;

/** A bench-created guest: its player id and access token. */
record Account(String playerId, String token) {}
