package dev.arena.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionCacheTest {
    private final MutableClock clock = new MutableClock();
    private final SessionCache cache = new SessionCache(3, clock);
    private final UUID player = UUID.randomUUID();

    private SessionCache.Entry entry(UUID p) {
        return new SessionCache.Entry(p, Role.PLAYER, "Ann", Instant.MAX, clock.millis());
    }

    @Test
    void anEntryIsTrustedForItsTtlOnly() {
        UUID s = UUID.randomUUID();
        cache.put(s, entry(player), cache.epoch());
        clock.advance(SessionCache.TTL.minusMillis(1));
        assertThat(cache.get(s)).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(s)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aSessionRevocationDropsThatSessionOnly() {
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        cache.put(s1, entry(player), cache.epoch());
        cache.put(s2, entry(player), cache.epoch());
        cache.forget(Revocation.session(player, s1));
        assertThat(cache.get(s1)).isNull();
        assertThat(cache.get(s2)).isNotNull();
    }

    @Test
    void aPlayerRevocationDropsEverySessionOfThatPlayerOnly() {
        UUID other = UUID.randomUUID();
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        UUID s3 = UUID.randomUUID();
        cache.put(s1, entry(player), cache.epoch());
        cache.put(s2, entry(player), cache.epoch());
        cache.put(s3, entry(other), cache.epoch());
        cache.forget(Revocation.player(player));
        assertThat(cache.get(s1)).isNull();
        assertThat(cache.get(s2)).isNull();
        assertThat(cache.get(s3)).isNotNull();
    }

    @Test
    void aLoadOvertakenByARevocationDoesNotPutBackWhatItRead() {
        UUID s = UUID.randomUUID();
        long before = cache.epoch(); // the load reads the epoch, then queries
        cache.forget(Revocation.session(player, s)); // the revocation lands while the query runs
        cache.put(s, entry(player), before); // the load read the session before it was revoked
        assertThat(cache.get(s)).isNull();
    }

    @Test
    void aRevocationOfAnotherPlayerAlsoDiscardsARacingLoadWhichIsOnlyACacheMiss() {
        UUID s = UUID.randomUUID();
        long before = cache.epoch();
        cache.forget(Revocation.refresh(UUID.randomUUID()));
        cache.put(s, entry(player), before);
        assertThat(cache.get(s)).as("conservative: the next request reads the database").isNull();
        cache.put(s, entry(player), cache.epoch());
        assertThat(cache.get(s)).isNotNull();
    }

    @Test
    void staysWithinItsCapacitySweepingExpiredEntriesFirst() {
        for (int i = 0; i < 3; i++) {
            cache.put(UUID.randomUUID(), entry(player), cache.epoch());
        }
        UUID extra = UUID.randomUUID();
        cache.put(extra, entry(player), cache.epoch());
        assertThat(cache.get(extra)).as("full: not cached").isNull();
        assertThat(cache.size()).isEqualTo(3);

        clock.advance(SessionCache.TTL);
        cache.put(extra, entry(player), cache.epoch());
        assertThat(cache.get(extra)).as("expired entries swept to make room").isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void entriesNobodyAsksForAgainAreSweptByTheNextLoadAfterTheirTtlWhileTheCacheIsFarFromFull() {
        SessionCache roomy = new SessionCache(1_000, clock);
        roomy.put(UUID.randomUUID(), entry(player), roomy.epoch()); // sweeps the empty cache: the clock starts
        UUID old = UUID.randomUUID();
        roomy.put(old, entry(player), roomy.epoch());
        assertThat(roomy.size()).isEqualTo(2);

        clock.advance(SessionCache.TTL.minusMillis(1));
        roomy.put(UUID.randomUUID(), entry(player), roomy.epoch());
        assertThat(roomy.size()).as("nothing expired yet, and a sweep ran less than a TTL ago").isEqualTo(3);

        clock.advance(Duration.ofMillis(1));
        UUID fresh = UUID.randomUUID();
        roomy.put(fresh, entry(player), roomy.epoch());
        assertThat(roomy.size()).as("the two loaded a TTL ago are gone, never asked for again").isEqualTo(2);
        assertThat(roomy.get(fresh)).isNotNull();
    }

    @Test
    void clearDropsEverythingAndDiscardsRacingLoads() {
        UUID s = UUID.randomUUID();
        cache.put(UUID.randomUUID(), entry(player), cache.epoch());
        long before = cache.epoch();
        cache.clear();
        cache.put(s, entry(player), before);
        assertThat(cache.size()).isZero();
    }
}
