package dev.arena.leaderboard;

import dev.arena.common.InvalidationEpoch;
import dev.arena.player.ProfileChanges;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The display names of ranked players this node read recently, so a leaderboard page (whose ranks come from the
 * in-memory or Redis index) costs no database round trip once its players' names were read.
 *
 * <p><b>Why it is safe</b>, as for the profile cache: a name changes only by a rename or a deletion, and both tell
 * {@link ProfileChanges} after writing, which drops the entry on every node. A load overtaken by a change keeps
 * nothing it read ({@link InvalidationEpoch}). A change lost in transit (a
 * Redis outage) is bounded twice: the whole cache is dropped when the node reconnects, and an entry lives at most
 * {@link #TTL}.
 *
 * <p><b>Bounded</b>: when a load would take it past {@code capacity} entries it starts over empty (the next pages
 * then cost a query each until it is warm again; a board's readers look at its first pages, so it rarely fills).
 */
final class DisplayNames {
    static final Duration TTL = Duration.ofSeconds(60);
    static final int DEFAULT_CAPACITY = 50_000;

    /** {@code name} is null for an id with no account (deleted): remembered too, so it costs no query per page. */
    private record Cached(String name, long loadedAtMillis) {}

    private final Map<UUID, Cached> entries = new ConcurrentHashMap<>();
    private final InvalidationEpoch epoch = new InvalidationEpoch();
    private final Function<Collection<UUID>, Future<Map<UUID, String>>> load;
    private final int capacity;
    private final Clock clock;

    /** {@code load}: the names of the accounts that exist among the ids. Listens to {@code changes} from now on. */
    DisplayNames(Function<Collection<UUID>, Future<Map<UUID, String>>> load, ProfileChanges changes, int capacity,
                 Clock clock) {
        this.load = load;
        this.capacity = capacity;
        this.clock = clock;
        changes.listen(this::forget);
        changes.onMissed(this::clear);
    }

    /** The names of the ids that have an account; one query for those not cached, none when all are. */
    Future<Map<UUID, String>> of(List<UUID> ids) {
        long now = clock.millis();
        Map<UUID, String> names = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Cached c = entries.get(id);
            if (c != null && now - c.loadedAtMillis() < TTL.toMillis()) {
                if (c.name() != null) {
                    names.put(id, c.name());
                }
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Future.succeededFuture(names);
        }
        long before = epoch.stamp();
        return load.apply(missing).map(loaded -> {
            keep(missing, loaded, now, before);
            names.putAll(loaded);
            return names;
        });
    }

    private void keep(List<UUID> ids, Map<UUID, String> loaded, long loadedAt, long epochBefore) {
        if (entries.size() + ids.size() > capacity) {
            entries.clear();
        }
        for (UUID id : ids) {
            epoch.putIfCurrent(entries, id, new Cached(loaded.get(id), loadedAt), epochBefore);
        }
    }

    private void forget(UUID playerId) {
        epoch.invalidate();
        entries.remove(playerId);
    }

    private void clear() {
        epoch.invalidate();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
