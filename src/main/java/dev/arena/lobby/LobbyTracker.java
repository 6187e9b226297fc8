package dev.arena.lobby;

import dev.arena.match.MatchEnd;
import dev.arena.match.MatchEvent;
import dev.arena.match.MatchId;
import dev.arena.match.MatchListener;
import dev.arena.match.TickFrame;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches this node's matches for what the lobby shows and turns it into {@code added / updated / removed}
 * changes for the {@link LobbyListener}, merged by {@link LobbyUpdates}' rule (at most one update per game per
 * interval: {@link #UPDATE_INTERVAL} for open games, {@link #LIVE_UPDATE_INTERVAL} for live matches; added and
 * removed at once). Two lists, each with that rule: the open games
 * ({@link LobbyMatch}) and the matches being played that anyone may watch ({@link LiveMatch}, "live now").
 *
 * <p>Matches report on their own contexts; this only marks the game dirty (a set of ids, so it is bounded by
 * the number of live games and needs no overflow rule: many changes of one game are one entry) and asks its
 * own context to look. That context reads each dirty game's current listing and owns the merge state, the
 * flush timer and, through {@link #onOwner}, the subscribers' starting snapshots, so a subscriber's snapshot
 * and the changes after it are queued in order.
 */
public final class LobbyTracker implements MatchListener {
    private static final Logger log = LoggerFactory.getLogger(LobbyTracker.class);
    /** An open game's updates are merged over this interval. */
    public static final Duration UPDATE_INTERVAL = Duration.ofMillis(500);
    /**
     * A live match's updates are merged over this interval: at most one {@code lobby.live_updated} per match per
     * second, carrying the latest state. Its spectator count moves with every viewer who comes or goes; a crowd
     * joining a popular match would otherwise send every lobby subscriber one frame per spectator. The match
     * itself reports at most one count per tick (the count after the tick), and a count back to the one last
     * sent within the second sends nothing ({@link LobbyUpdates}' rule).
     */
    public static final Duration LIVE_UPDATE_INTERVAL = Duration.ofSeconds(1);
    /** How often merged updates are looked at while some wait. */
    static final long FLUSH_PERIOD_MS = 100;
    /**
     * Updates sent per flush and list at most: with the flush period, at most 500 update frames a second per list
     * and subscriber.
     */
    static final int MAX_PER_FLUSH = 50;

    private volatile Lobby lobby;
    private final Context context;
    private final Clock clock;
    private final LobbyUpdates<LobbyMatch> updates;
    private final LobbyUpdates<LiveMatch> live;
    private final Set<MatchId> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile LobbyListener listener = LobbyListener.NONE;
    private long flushTimer = -1; // owner-only
    /** This node's changes go out to the other nodes here, theirs come in (set at wiring; nowhere before). */
    private volatile LobbyChannel channel = new LobbyChannel() {
        @Override
        public void publish(List<LobbyChange> changes) {
        }

        @Override
        public void onChanges(java.util.function.BiConsumer<String, List<LobbyChange>> handler) {
        }

        @Override
        public void onResubscribed(Runnable hook) {
        }
    };
    private final LobbyMirror others = new LobbyMirror(); // owner-only

    /**
     * @param context the lobby's owner (one of the node's event-loop contexts)
     */
    public LobbyTracker(Context context, Clock clock) {
        this(context, clock, UPDATE_INTERVAL, LIVE_UPDATE_INTERVAL);
    }

    public LobbyTracker(Context context, Clock clock, Duration openInterval, Duration liveInterval) {
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.updates = new LobbyUpdates<>(openInterval.toMillis(), MAX_PER_FLUSH);
        this.live = new LobbyUpdates<>(liveInterval.toMillis(), MAX_PER_FLUSH);
    }

    /**
     * The lobby whose games to watch: set once at wiring, after the registry this tracker listens to (and the
     * directory over it) exist, before any game does.
     */
    public void watch(Lobby lobby) {
        this.lobby = Objects.requireNonNull(lobby, "lobby");
    }

    /** Where changes go (set once at wiring, before games exist). */
    public void listener(LobbyListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Wiring (before games exist): this node's changes are published on {@code channel} once, other
     * nodes' changes received there go to this node's listener too; their games are read from {@code peers} at
     * start and after a Redis outage, and those of nodes gone are dropped (checked every {@code check}).
     */
    public void connect(LobbyChannel channel, ClusterLobby peers, Duration check) {
        this.channel = Objects.requireNonNull(channel, "channel");
        channel.onChanges((node, changes) -> context.runOnContext(v -> send(others.apply(changes), false)));
        channel.onResubscribed(() -> context.runOnContext(v -> resync(peers)));
        context.runOnContext(v -> {
            resync(peers);
            context.owner().setPeriodic(check.toMillis(), t -> peers.peers().onSuccess(live ->
                    context.runOnContext(x -> send(others.keepOnly(live), false))));
        });
    }

    private void resync(ClusterLobby peers) {
        others.resyncing();
        peers.others().onSuccess(lists -> context.runOnContext(v -> send(others.resynced(lists), false)))
                .onFailure(e -> log.warn("could not read the other nodes' lobby games: {}", e.toString()));
    }

    /** The lists as last sent to subscribers (every node's): the open games and the live matches. */
    public record Listed(List<LobbyMatch> open, List<LiveMatch> live) {}

    /** Runs {@code task} on the lobby's context with the lists as last sent to subscribers (every node's). */
    public void onOwner(Consumer<Listed> task) {
        context.runOnContext(v -> {
            List<LobbyMatch> open = new ArrayList<>(updates.sent());
            List<LiveMatch> watchable = new ArrayList<>(live.sent());
            for (Listing g : others.games()) {
                switch (g) {
                    case LobbyMatch m -> open.add(m);
                    case LiveMatch m -> watchable.add(m);
                }
            }
            task.accept(new Listed(open, watchable));
        });
    }

    public Context context() {
        return context;
    }

    // ---- MatchListener: on each match's context; only marks -----------------------------------------------

    @Override
    public void frame(TickFrame frame) {
        // only the loop's own events (joins, leaves, readiness, host, start) change what a lobby shows, in
        // either list
        for (var e : frame.events()) {
            if (e instanceof MatchEvent) {
                dirty(frame.match());
                return;
            }
        }
    }

    @Override
    public void ended(MatchEnd end) {
        dirty(end.match());
    }

    /** A live match's count of spectators changed (at most once per tick; merged to one update a second). */
    @Override
    public void spectatorsChanged(MatchId match, int spectators) {
        dirty(match);
    }

    private void dirty(MatchId id) {
        if (lobby == null) {
            return;
        }
        dirty.add(id);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    // ---- the lobby's context -----------------------------------------------------------------------------

    private void drain() {
        scheduled.set(false);
        long now = clock.millis();
        List<LobbyChange> open = new ArrayList<>();
        List<LobbyChange> watchable = new ArrayList<>();
        for (Iterator<MatchId> it = dirty.iterator(); it.hasNext(); ) {
            MatchId id = it.next();
            it.remove();
            open.addAll(updates.observe(id, lobby.listing(id), now));
            watchable.addAll(live.observe(id, lobby.liveListing(id), now));
        }
        // two messages, not one: see LobbyWire.Change (an older node drops a message with live changes)
        send(open, true);
        send(watchable, true);
        if (flushTimer < 0 && (updates.pending() || live.pending())) {
            flushTimer = context.owner().setPeriodic(FLUSH_PERIOD_MS, t -> flush());
        }
    }

    private void flush() {
        long now = clock.millis();
        send(updates.flush(now), true);
        send(live.flush(now), true);
        if (!updates.pending() && !live.pending()) {
            context.owner().cancelTimer(flushTimer);
            flushTimer = -1;
        }
    }

    /** To this node's listener, and once to the other nodes when the changes are this node's ({@code own}). */
    private void send(List<LobbyChange> changes, boolean own) {
        if (changes.isEmpty()) {
            return;
        }
        if (own) {
            channel.publish(changes);
        }
        try {
            listener.changed(changes);
        } catch (RuntimeException e) {
            log.error("lobby listener failed", e);
        }
    }
}
