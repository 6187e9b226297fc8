package dev.arena.lobby;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The lobby changes of a cluster's nodes (Redis pub/sub on a cluster; none on a single node): each node publishes
 * its own merged changes once ({@link LobbyUpdates}' rule already applied), and every node hands the others'
 * to its subscribers.
 */
public interface LobbyChannel {

    /** Publishes this node's changes to every other node; one node's changes arrive in the order published. */
    void publish(List<LobbyChange> changes);

    /** Where other nodes' changes go: {@code (node, changes)}, on one thread. Set once at wiring. */
    void onChanges(BiConsumer<String, List<LobbyChange>> handler);

    /** Runs after the channel was lost and is back: changes published meanwhile were missed. */
    void onResubscribed(Runnable hook);
}
