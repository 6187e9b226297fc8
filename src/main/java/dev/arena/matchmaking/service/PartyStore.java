package dev.arena.matchmaking.service;

import dev.arena.matchmaking.PartyId;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/**
 * Where parties live: with the tickets (in-process on one node, in Redis on a cluster; both pass
 * {@code PartyStoreContract}). A player is a member of at most one party; the store keeps that index with the
 * parties, in the same atomic change.
 */
public interface PartyStore {

    /** Stores a new party; {@link dev.arena.common.ArenaException.Conflict} when its leader is in a party. */
    Future<Void> create(Party party);

    Future<Optional<Party>> find(PartyId id);

    Future<Optional<PartyId>> partyOf(UUID player);

    /**
     * Replaces {@code current} by {@code next} (null: the party is disbanded) if the stored party still has
     * {@code current}'s version; completes with false otherwise (someone changed it first: read again and retry).
     * Fails with {@link dev.arena.common.ArenaException.Conflict} when a member {@code next} adds is in another party.
     */
    Future<Boolean> replace(Party current, Party next);
}
