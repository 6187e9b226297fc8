package dev.arena.common;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a cache filled by asynchronous loads from storing what a load read before an invalidation that arrived
 * while the load was in flight (a revocation, a rename): without it the stale value would be served until its TTL.
 *
 * <p>The contract, for the cache that owns one: a load takes a {@link #stamp()} before it queries and hands it back
 * when it stores; every invalidation calls {@link #invalidate()} <em>before</em> it drops entries. A load then
 * stores with {@link #putIfCurrent} (a concurrent map, no lock) or checks {@link #isCurrent} under a lock that the
 * invalidations take too. Any invalidation overtaking a load discards it, even one about another key: that costs a
 * cache miss, never a stale hit, and invalidations are rare. Thread-safe.
 */
public final class InvalidationEpoch {
    private final AtomicLong epoch = new AtomicLong();

    /** Taken before a load queries; passed back when it stores what it read. */
    public long stamp() {
        return epoch.get();
    }

    /** Called by every invalidation before it drops entries: loads stamped earlier store nothing after this. */
    public void invalidate() {
        epoch.incrementAndGet();
    }

    /**
     * True when no invalidation came since {@code stamp}. Enough on its own only under a lock the invalidations also
     * take (between this check and the store, nothing may invalidate); lock-free caches use {@link #putIfCurrent}.
     */
    public boolean isCurrent(long stamp) {
        return epoch.get() == stamp;
    }

    /**
     * Stores what a load stamped {@code stamp} read into a concurrent map unless an invalidation overtook the load;
     * true when the value stays. Puts first, then checks: an invalidation either moved the epoch before the check
     * (and the value is taken out again here), or moves it after, and then its own drop runs after the put and sees
     * the value. Checking first would let an invalidation land between the check and the put, unseen by both.
     */
    public <K, V> boolean putIfCurrent(Map<K, V> map, K key, V value, long stamp) {
        map.put(key, value);
        if (isCurrent(stamp)) {
            return true;
        }
        map.remove(key, value);
        return false;
    }
}
