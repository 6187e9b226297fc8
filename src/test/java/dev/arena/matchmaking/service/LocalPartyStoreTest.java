package dev.arena.matchmaking.service;

/** The party store contract in-process. */
class LocalPartyStoreTest extends PartyStoreContract {
    @Override
    protected PartyStore create() {
        return new LocalPartyStore();
    }
}
