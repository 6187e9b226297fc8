package dev.arena.lobby;

import java.util.List;

/** Where the lobby's changes go (the gateway's feed). Called on the lobby's own context; must not block. */
public interface LobbyListener {

    void changed(List<LobbyChange> changes);

    LobbyListener NONE = changes -> { };
}
