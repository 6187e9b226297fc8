package dev.arena.storage.local;

import dev.arena.identity.SessionRevocations;
import dev.arena.identity.SessionRevocationsContract;

/** The contract in-process: every "node" of the process shares the one instance, as a single node does. */
class LocalSessionRevocationsTest extends SessionRevocationsContract {
    private final LocalSessionRevocations shared = new LocalSessionRevocations();

    @Override
    protected SessionRevocations node(String node) {
        return shared;
    }
}
