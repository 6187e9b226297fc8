package dev.arena.storage.local;

import dev.arena.chat.ChatStore;
import dev.arena.chat.ModerationCache;
import dev.arena.chat.ModerationStatus;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process {@link ModerationCache}: every ban and mute in force is loaded at start ({@link #load}), and
 * one player is reloaded on {@link #invalidate}. Players never moderated have no entry and cost nothing.
 *
 * <p>Reloads may finish out of order (two changes in quick succession); each carries the number of the
 * request that started it and an older result never replaces a newer one. For that, a player whose
 * restrictions ended keeps an empty entry: memory grows with the number of players ever moderated on this
 * node since its start, which is small.
 */
public final class LocalModerationCache implements ModerationCache {
    private final ChatStore store;
    private final Clock clock;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private record Entry(ModerationStatus status, long request) {}

    public LocalModerationCache(ChatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Loads every restriction in force. Call once before the node serves chat. */
    public Future<Void> load() {
        long request = requests.incrementAndGet();
        return store.restricted(clock.instant()).map(all -> {
            all.forEach(s -> apply(s, request));
            return null;
        });
    }

    @Override
    public ModerationStatus get(UUID playerId) {
        Entry e = entries.get(playerId);
        return e == null ? ModerationStatus.none(playerId) : e.status();
    }

    @Override
    public Future<Void> invalidate(UUID playerId) {
        long request = requests.incrementAndGet();
        return store.status(playerId, clock.instant()).map(s -> {
            apply(s, request);
            return null;
        });
    }

    /**
     * Reloads everything: every restriction in force, and every player with an entry (whose restrictions may have
     * been lifted meanwhile). For a node that may have missed changes made elsewhere (after a Redis outage).
     */
    public Future<Void> reload() {
        List<UUID> known = List.copyOf(entries.keySet());
        return load().compose(v -> Future.all(known.stream().map(this::invalidate).toList())).mapEmpty();
    }

    /** How many players have an entry (tests, metrics). */
    public int size() {
        return entries.size();
    }

    private void apply(ModerationStatus status, long request) {
        entries.compute(status.playerId(), (id, old) -> old != null && old.request() > request ? old
                : new Entry(status, request));
    }
}
