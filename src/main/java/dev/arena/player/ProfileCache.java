package dev.arena.player;

import dev.arena.common.InvalidationEpoch;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The profiles this node read recently (without their rank, which {@link PlayerService} takes from the leaderboard
 * index on every request, so it follows other players' results too): a profile read costs no database round trip.
 *
 * <p><b>Why it is safe</b>: everything a cached profile holds changes only through a result job step, a rename, a
 * role change or a deletion, and each of them tells {@link ProfileChanges} after writing, which drops the entry on
 * every node. A load racing a change cannot put back a stale profile: loads note the epoch before they query, and
 * a load that a change overtook stores nothing ({@link InvalidationEpoch}). A change lost in transit (a Redis outage) is bounded twice: the
 * whole cache is dropped when the node reconnects, and an entry lives at most {@link #TTL}.
 *
 * <p><b>Bounded, least recently read evicted</b>: at most {@code capacity} entries (a profile with ten recent games
 * is about 2 KB, so the default 4,096 hold about 8 MB at most); storing one more evicts the entry read least
 * recently. One lock guards the map: a hit is a few hundred nanoseconds under it, nothing blocks inside.
 */
public final class ProfileCache {
    /** How long an entry is trusted after it was read: the bound on a missed change message. */
    public static final Duration TTL = Duration.ofSeconds(60);
    public static final int DEFAULT_CAPACITY = 4_096;

    private record Cached(Profile profile, long loadedAtMillis) {}

    private final Map<UUID, Cached> entries;
    private final Clock clock;
    /** Moved by every change under {@code this}, and checked under it: a load a change overtook stores nothing. */
    private final InvalidationEpoch epoch = new InvalidationEpoch();

    /** Listens to {@code changes} for as long as the node runs. */
    public ProfileCache(int capacity, ProfileChanges changes, Clock clock) {
        this.clock = clock;
        // access order: iteration starts at the least recently read entry, which removeEldestEntry evicts
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
                return size() > capacity;
            }
        };
        changes.listen(this::forget);
        changes.onMissed(this::clear);
    }

    /** The cached profile when fresh, else {@code load}'s answer (cached when found and no change overtook it). */
    public Future<Optional<Profile>> get(UUID playerId, Supplier<Future<Optional<Profile>>> load) {
        long seen;
        synchronized (this) {
            Cached e = entries.get(playerId);
            if (e != null && clock.millis() - e.loadedAtMillis() < TTL.toMillis()) {
                return Future.succeededFuture(Optional.of(e.profile()));
            }
            if (e != null) {
                entries.remove(playerId);
            }
            seen = epoch.stamp();
        }
        long loadedAt = clock.millis();
        return load.get().onSuccess(found -> found.ifPresent(p -> put(playerId, new Cached(p, loadedAt), seen)));
    }

    private synchronized void put(UUID playerId, Cached entry, long epochBefore) {
        if (epoch.isCurrent(epochBefore)) {
            entries.put(playerId, entry);
        }
    }

    /** Drops the player's profile (on every node, from {@link ProfileChanges}). */
    public synchronized void forget(UUID playerId) {
        epoch.invalidate();
        entries.remove(playerId);
    }

    /** Drops everything (changes may have been missed). */
    public synchronized void clear() {
        epoch.invalidate();
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
