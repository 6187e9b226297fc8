package dev.arena.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class InvalidationEpochTest {
    private final InvalidationEpoch epoch = new InvalidationEpoch();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** What a cache's invalidation does: move the epoch, then drop the entry. */
    private void invalidate(String key) {
        epoch.invalidate();
        cache.remove(key);
    }

    @Test
    void aLoadWithNoInvalidationInFlightIsCached() {
        long stamp = epoch.stamp();
        assertThat(epoch.putIfCurrent(cache, "ann", "Ann", stamp)).isTrue();
        assertThat(cache).containsEntry("ann", "Ann");
        assertThat(epoch.isCurrent(stamp)).isTrue();
    }

    @Test
    void aLoadThatCompletesAfterAnInvalidationIsNotCached() {
        long stamp = epoch.stamp(); // the load starts and queries
        invalidate("ann"); // a rename lands while the query runs
        assertThat(epoch.putIfCurrent(cache, "ann", "Ann (old name)", stamp)).isFalse();
        assertThat(cache).doesNotContainKey("ann");
        assertThat(epoch.isCurrent(stamp)).isFalse();
    }

    @Test
    void anInvalidationOfAnotherKeyAlsoDiscardsTheLoadWhichCostsOnlyAMiss() {
        long stamp = epoch.stamp();
        invalidate("bob");
        assertThat(epoch.putIfCurrent(cache, "ann", "Ann", stamp)).isFalse();
        assertThat(cache).isEmpty();
        assertThat(epoch.putIfCurrent(cache, "ann", "Ann", epoch.stamp())).as("a fresh load is cached").isTrue();
    }

    @Test
    void anInvalidationLandingInsideTheStoreIsNotLost() {
        // The invalidation runs as the store reaches the map: after any check made before the put, before the put
        // itself. A guard that checked first and then put would keep the stale value here.
        Map<String, String> racing = new ConcurrentHashMap<>() {
            @Override
            public String put(String key, String value) {
                epoch.invalidate();
                remove(key);
                return super.put(key, value);
            }
        };
        long stamp = epoch.stamp();
        assertThat(epoch.putIfCurrent(racing, "ann", "Ann (old name)", stamp)).isFalse();
        assertThat(racing).isEmpty();
    }
}
