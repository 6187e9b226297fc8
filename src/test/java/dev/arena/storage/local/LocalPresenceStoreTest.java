package dev.arena.storage.local;

import dev.arena.presence.PresenceStore;
import dev.arena.presence.PresenceStoreContract;

/** The presence contract in one process. */
class LocalPresenceStoreTest extends PresenceStoreContract {
    @Override
    protected PresenceStore create() {
        return new LocalPresenceStore();
    }
}
