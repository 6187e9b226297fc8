package dev.arena.storage.local;

import dev.arena.matchmaking.service.PartyStoreContract;

import dev.arena.matchmaking.service.PartyStore;

/** The party store contract in-process. */
class LocalPartyStoreTest extends PartyStoreContract {
    @Override
    protected PartyStore create() {
        return new LocalPartyStore();
    }
}
