package dev.arena.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Player;
import dev.arena.identity.Role;
import dev.arena.storage.local.LocalProfileChanges;
import dev.arena.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The profile cache alone: hits, changes, a load overtaken by a change, expiry, the size bound and its eviction. */
class ProfileCacheTest {
    private final MutableClock clock = new MutableClock();
    private final LocalProfileChanges changes = new LocalProfileChanges();
    private final AtomicInteger loads = new AtomicInteger();

    private static Profile profile(UUID id, String name) {
        Player p = new Player(id, null, name, Role.PLAYER, true, MutableClock.START);
        return new Profile(p, PlayerStats.of(id, 0, 0, 0, 0, 0, List.of()), List.of(), null, true);
    }

    private Future<Optional<Profile>> load(UUID id, String name) {
        loads.incrementAndGet();
        return Future.succeededFuture(Optional.of(profile(id, name)));
    }

    private static String name(Future<Optional<Profile>> f) {
        return f.result().orElseThrow().player().displayName();
    }

    @Test
    void aSecondReadIsAHitUntilTheProfileChanges() {
        ProfileCache cache = new ProfileCache(10, changes, clock);
        UUID id = UUID.randomUUID();
        assertThat(name(cache.get(id, () -> load(id, "first")))).isEqualTo("first");
        assertThat(name(cache.get(id, () -> load(id, "second")))).isEqualTo("first");
        assertThat(loads).hasValue(1);
        changes.changed(id);
        assertThat(name(cache.get(id, () -> load(id, "second")))).isEqualTo("second");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLoadOvertakenByAChangeIsNotCached() {
        ProfileCache cache = new ProfileCache(10, changes, clock);
        UUID id = UUID.randomUUID();
        Promise<Optional<Profile>> slow = Promise.promise();
        Future<Optional<Profile>> first = cache.get(id, () -> slow.future());
        changes.changed(id); // written and told while the old row was on its way
        slow.complete(Optional.of(profile(id, "stale")));
        assertThat(name(first)).isEqualTo("stale");
        assertThat(name(cache.get(id, () -> load(id, "fresh")))).isEqualTo("fresh");
    }

    @Test
    void anEntryExpiresAfterTheTtlAndMissedChangesDropEverything() {
        ProfileCache cache = new ProfileCache(10, changes, clock);
        UUID id = UUID.randomUUID();
        cache.get(id, () -> load(id, "a"));
        clock.advance(ProfileCache.TTL.minus(Duration.ofMillis(1)));
        assertThat(name(cache.get(id, () -> load(id, "b")))).isEqualTo("a");
        clock.advance(Duration.ofMillis(1));
        assertThat(name(cache.get(id, () -> load(id, "b")))).isEqualTo("b");
        cache.clear();
        assertThat(cache.size()).isZero();
    }

    @Test
    void whenFullTheLeastRecentlyReadEntryIsEvicted() {
        ProfileCache cache = new ProfileCache(2, changes, clock);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        cache.get(a, () -> load(a, "a"));
        cache.get(b, () -> load(b, "b"));
        cache.get(a, () -> load(a, "a2")); // a read again: b is now the least recently read
        cache.get(c, () -> load(c, "c"));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(name(cache.get(a, () -> load(a, "a3")))).isEqualTo("a");
        assertThat(name(cache.get(b, () -> load(b, "b2")))).as("b was evicted").isEqualTo("b2");
    }

    @Test
    void aMissingPlayerIsNotCached() {
        ProfileCache cache = new ProfileCache(10, changes, clock);
        UUID id = UUID.randomUUID();
        assertThat(cache.get(id, () -> Future.succeededFuture(Optional.empty())).result()).isEmpty();
        assertThat(cache.size()).isZero();
    }
}
