package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import dev.arena.lobby.LobbyChange;
import dev.arena.lobby.LobbyMatch;
import dev.arena.lobby.LobbyListener;
import dev.arena.lobby.LobbyTracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sockets subscribed to the {@code lobby} topic and the frames that go to them. Its state is owned by the
 * lobby's context (the {@link LobbyTracker}'s): subscribing hops there, so a subscriber's starting snapshot and
 * the changes after it reach its bounded {@link Outbound} queue in order. Each change is encoded once for all.
 *
 * <p>Bounds: at most {@code maxSubscribers} sockets on this node (more are refused {@code too_many_subscribers});
 * the tracker merges each game's updates to one per interval and caps a flush; a subscriber that does not read
 * is cut off by its outbound queue like any slow consumer.
 */
final class LobbyFeed implements LobbyListener {
    static final int MAX_SUBSCRIBERS = 10_000;

    private record Filter(String mode, String region) {
        boolean matches(LobbyMatch g) {
            return (mode == null || mode.equals(g.mode())) && (region == null || region.equals(g.region()));
        }
    }

    private final LobbyTracker tracker;
    private final int maxSubscribers;
    private final Map<Connection, Filter> subscribers = new HashMap<>(); // lobby context only

    LobbyFeed(LobbyTracker tracker, int maxSubscribers) {
        this.tracker = tracker;
        this.maxSubscribers = maxSubscribers;
        tracker.listener(this);
    }

    /** Subscribes (or changes the filter of) the socket; answers {@code lobby.subscribed} with the open games. */
    void subscribe(Connection c, Object rid, String mode, String region) {
        tracker.onOwner(listed -> {
            if (!subscribers.containsKey(c) && subscribers.size() >= maxSubscribers) {
                c.send(new ServerMessage.Error(rid, "too_many_subscribers",
                        "the lobby has its maximum of subscribers on this node; use GET /lobby/games"));
                return;
            }
            Filter f = new Filter(mode, region);
            subscribers.put(c, f);
            List<LobbyMatch> games = new ArrayList<>();
            for (LobbyMatch g : listed) {
                if (f.matches(g)) {
                    games.add(g);
                }
            }
            int count = games.size();
            List<LobbyMatch> shown = games.size() > ServerMessage.LobbySubscribed.GAMES_SHOWN
                    ? List.copyOf(games.subList(0, ServerMessage.LobbySubscribed.GAMES_SHOWN)) : games;
            c.send(new ServerMessage.LobbySubscribed(rid, mode, region, shown, count));
        });
    }

    /** Stops the socket's lobby frames; {@code reply} answers {@code lobby.unsubscribed} (not on a close). */
    void unsubscribe(Connection c, Object rid, boolean reply) {
        tracker.onOwner(listed -> {
            boolean was = subscribers.remove(c) != null;
            if (!reply) {
                return;
            }
            if (was) {
                c.send(new ServerMessage.LobbyUnsubscribed(rid));
            } else {
                c.send(new ServerMessage.Error(rid, "not_subscribed", "send lobby.subscribe first"));
            }
        });
    }

    @Override
    public void changed(List<LobbyChange> changes) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (LobbyChange change : changes) {
            LobbyMatch g = change.game();
            EncodedText text = EncodedText.of((switch (change) {
                case LobbyChange.Added a -> new ServerMessage.LobbyGameAdded(g);
                case LobbyChange.Updated u -> new ServerMessage.LobbyGameUpdated(g);
                case LobbyChange.Removed r -> new ServerMessage.LobbyGameRemoved(g.gameId(), g.mode(), g.region());
            }).encode());
            for (Map.Entry<Connection, Filter> e : subscribers.entrySet()) {
                if (e.getValue().matches(g)) {
                    e.getKey().outbound.offer(text);
                }
            }
        }
    }
}
