package dev.arena.storage.local;

import dev.arena.lobby.LobbyChange;
import dev.arena.lobby.LobbyChannel;
import java.util.List;
import java.util.function.BiConsumer;

/** The lobby channel of a node that runs alone: no other node hears its changes, none arrive. */
public final class LocalLobbyChannel implements LobbyChannel {

    @Override
    public void publish(List<LobbyChange> changes) {
    }

    @Override
    public void onChanges(BiConsumer<String, List<LobbyChange>> handler) {
    }

    @Override
    public void onResubscribed(Runnable hook) {
    }
}
