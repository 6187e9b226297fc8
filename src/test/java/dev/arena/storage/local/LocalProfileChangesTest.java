package dev.arena.storage.local;

import dev.arena.player.ProfileChanges;
import dev.arena.player.ProfileChangesContract;

/** The contract in-process: every "node" of the process shares the one instance, as a single node does. */
class LocalProfileChangesTest extends ProfileChangesContract {
    private final LocalProfileChanges shared = new LocalProfileChanges();

    @Override
    protected ProfileChanges node(String node) {
        return shared;
    }
}
