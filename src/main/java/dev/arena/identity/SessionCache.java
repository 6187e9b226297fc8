package dev.arena.identity;

import dev.arena.common.InvalidationEpoch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions this node checked recently, so that an authenticated request or socket upgrade costs no database
 * round trip: token signature and expiry are verified on every call, the session's state comes from here.
 *
 * <p><b>What it holds</b>: per session id, the player, the player's role and display name, the session's expiry and
 * when the entry was loaded. Never credentials or refresh tokens.
 *
 * <p><b>Why it is safe</b>: a session stored as active stops being valid only when (a) it expires, which is
 * checked against the entry's own expiry on every hit, or (b) it is revoked or the player's role changes, and every
 * such change is published through {@link SessionRevocations} after it is written, which drops the entries on every
 * node. A load racing a revocation cannot put back a stale entry: loads note the {@link #epoch()} before they
 * query, and an entry whose load started before a revocation is removed again ({@link #put}, {@link
 * InvalidationEpoch}). A revocation lost in
 * transit (a Redis outage) is bounded twice: the whole cache is dropped when the node reconnects, and an entry
 * lives at most {@link #TTL} after it was read from the database.
 *
 * <p><b>Bounded</b>: at most {@code capacity} entries; when full, expired entries are swept (at most once a second)
 * and if still full the new entry is simply not cached (the request then costs a query, nothing breaks).
 *
 * <p><b>Kept small</b>: an entry nobody asks for again (the session of a player who logged in afresh, or left) is
 * removed by a sweep at most one {@link #TTL} after it expired, run by the next load. Without it such entries stayed
 * until the cache was full: the one-hour soak's live heap grew by about 2 MiB with each wave of 5,000 players
 * logging in again, up to 200,000 dead entries (some 70 MB) on a busy node.
 */
public final class SessionCache {
    /** How long an entry is trusted after it was read: the bound on a missed revocation message. */
    public static final Duration TTL = Duration.ofSeconds(30);
    public static final int DEFAULT_CAPACITY = 200_000;

    /** A cached active session. */
    public record Entry(UUID playerId, Role role, String displayName, Instant sessionExpiresAt, long loadedAtMillis) {}

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final InvalidationEpoch epoch = new InvalidationEpoch();
    private final int capacity;
    private final Clock clock;
    private volatile long lastSweepMillis = Long.MIN_VALUE / 2; // "long ago", without overflow

    public SessionCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The entry for that session when it is still trusted (loaded less than {@link #TTL} ago), else null. */
    public Entry get(UUID sessionId) {
        Entry e = entries.get(sessionId);
        if (e == null) {
            return null;
        }
        if (clock.millis() - e.loadedAtMillis() >= TTL.toMillis()) {
            entries.remove(sessionId, e);
            return null;
        }
        return e;
    }

    /** Read before a load's query and passed to {@link #put}: tells a load that a revocation overtook it. */
    public long epoch() {
        return epoch.stamp();
    }

    /** Caches a session read from the database by a load that started at {@code epochBefore}. */
    public void put(UUID sessionId, Entry entry, long epochBefore) {
        if (!sweep()) {
            return;
        }
        epoch.putIfCurrent(entries, sessionId, entry, epochBefore);
    }

    /** Drops what the revocation covers (on every node, from {@link SessionRevocations}). */
    public void forget(Revocation r) {
        epoch.invalidate();
        if (r.sessionId() != null) {
            entries.remove(r.sessionId());
        } else {
            entries.values().removeIf(e -> e.playerId().equals(r.playerId())); // O(entries); revocations are rare
        }
    }

    /**
     * Caches a session that exists only in this node's memory (the start-up warm-up's synthetic players, {@link
     * WarmupPass}): no load can race it, since the database has no such session.
     */
    void putSynthetic(UUID sessionId, Entry entry) {
        entries.put(sessionId, entry);
    }

    /** Drops a synthetic session: its tokens then miss here, and the database, which never had it, refuses them. */
    void dropSynthetic(UUID sessionId) {
        entries.remove(sessionId);
    }

    /** Drops everything (revocations may have been missed). */
    public void clear() {
        epoch.invalidate();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /**
     * Removes expired entries once a {@link #TTL} has passed since the last sweep, or at most once a second while
     * the cache is full; true when there is room afterwards. O(entries), so at most once per TTL in steady state.
     */
    private boolean sweep() {
        long now = clock.millis();
        long since = now - lastSweepMillis;
        boolean full = entries.size() >= capacity;
        if (since >= TTL.toMillis() || (full && since >= 1_000)) {
            lastSweepMillis = now;
            long ttl = TTL.toMillis();
            entries.values().removeIf(e -> now - e.loadedAtMillis() >= ttl);
        }
        return entries.size() < capacity;
    }
}
