package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import dev.arena.lobby.Listing;
import dev.arena.lobby.LiveMatch;
import dev.arena.lobby.LobbyChange;
import dev.arena.lobby.LobbyMatch;
import dev.arena.lobby.LobbyListener;
import dev.arena.lobby.LobbyTracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sockets subscribed to the {@code lobby} topic and the frames that go to them: the open games, and for
 * subscribers that ask for them the live matches ("live now"). Its state is owned by the
 * lobby's context (the {@link LobbyTracker}'s): subscribing hops there, so a subscriber's starting snapshot and
 * the changes after it reach its bounded {@link Outbound} queue in order. Each change is encoded once for all.
 *
 * <p>Bounds: at most {@code maxSubscribers} sockets on this node (more are refused {@code too_many_subscribers});
 * the tracker merges each game's updates to one per interval and caps a flush; a subscriber that does not read
 * is cut off by its outbound queue like any slow consumer.
 */
final class LobbyFeed implements LobbyListener {
    static final int MAX_SUBSCRIBERS = 10_000;

    /** {@code live}: the subscriber also wants the live matches ("live now"), not only the open games. */
    private record Filter(String mode, String region, boolean live) {
        boolean matches(Listing g) {
            return (live || g instanceof LobbyMatch) && (mode == null || mode.equals(g.mode()))
                    && (region == null || region.equals(g.region()));
        }

        <T extends Listing> List<T> shown(List<T> listed) {
            List<T> out = new ArrayList<>();
            for (T g : listed) {
                if (matches(g)) {
                    out.add(g);
                }
            }
            return out;
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

    /**
     * Subscribes (or changes the filter of) the socket; answers {@code lobby.subscribed} with the open games, and
     * with {@code live} the live matches too.
     */
    void subscribe(Connection c, Object rid, String mode, String region, boolean live) {
        tracker.onOwner(listed -> {
            if (!subscribers.containsKey(c) && subscribers.size() >= maxSubscribers) {
                c.send(new ServerMessage.Error(rid, "too_many_subscribers",
                        "the lobby has its maximum of subscribers on this node; use GET /lobby/games"));
                return;
            }
            Filter f = new Filter(mode, region, live);
            subscribers.put(c, f);
            List<LobbyMatch> games = f.shown(listed.open());
            List<LiveMatch> matches = live ? f.shown(listed.live()) : null;
            c.send(new ServerMessage.LobbySubscribed(rid, mode, region, first(games), games.size(),
                    matches == null ? null : first(matches), matches == null ? null : matches.size()));
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

    private static <T> List<T> first(List<T> all) {
        int shown = ServerMessage.LobbySubscribed.GAMES_SHOWN;
        return all.size() > shown ? List.copyOf(all.subList(0, shown)) : all;
    }

    @Override
    public void changed(List<LobbyChange> changes) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (LobbyChange change : changes) {
            Listing g = change.game();
            EncodedText text = EncodedText.of(frame(change).encode());
            for (Map.Entry<Connection, Filter> e : subscribers.entrySet()) {
                if (e.getValue().matches(g)) {
                    e.getKey().outbound.offer(text);
                }
            }
        }
    }

    /** The frame of one change: {@code lobby.game_*} for an open game, {@code lobby.live_*} for a live match. */
    private static ServerMessage frame(LobbyChange change) {
        return switch (change.game()) {
            case LobbyMatch g -> switch (change) {
                case LobbyChange.Added a -> new ServerMessage.LobbyGameAdded(g);
                case LobbyChange.Updated u -> new ServerMessage.LobbyGameUpdated(g);
                case LobbyChange.Removed r -> new ServerMessage.LobbyGameRemoved(g.gameId(), g.mode(), g.region());
            };
            case LiveMatch m -> switch (change) {
                case LobbyChange.Added a -> new ServerMessage.LobbyLiveAdded(m);
                case LobbyChange.Updated u -> new ServerMessage.LobbyLiveUpdated(m);
                case LobbyChange.Removed r -> new ServerMessage.LobbyLiveRemoved(m.gameId(), m.mode(), m.region());
            };
        };
    }
}
