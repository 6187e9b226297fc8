package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Revocation;
import dev.arena.testing.Eventually;
import dev.arena.testing.RedisFixture;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a signal reads its messages, over a real Redis: a node ignores the echo of its own, skips malformed ones, and
 * reads a node id that holds a {@code '|'} (the fields are read from the message's end), with one field (profile
 * changes) and with three (revocations).
 */
class RedisSignalTest {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Test
    void aOneFieldSignalIgnoresItsOwnEchoAndMalformedMessagesAndReadsNodeIdsWithBars() {
        String channel = "arena:test-signal-" + UUID.randomUUID();
        RedisSignal<UUID> a = uuids(channel, "odd|node-" + UUID.randomUUID());
        RedisSignal<UUID> b = uuids(channel, "b-" + UUID.randomUUID());
        List<UUID> heardByA = new CopyOnWriteArrayList<>();
        List<UUID> heardByB = new CopyOnWriteArrayList<>();
        a.local().add(heardByA::add);
        b.local().add(heardByB::add);
        redis.publish(channel, "garbage|x");
        redis.publish(channel, "no-bar");
        UUID player = UUID.randomUUID();
        a.send(player).await();
        Eventually.until(() -> heardByB.contains(player), Boolean::booleanValue, "b hears a");
        assertThat(heardByA).as("applied once, when made; its echo from Redis ignored").containsExactly(player);
        assertThat(heardByB).as("the malformed messages skipped").containsExactly(player);
    }

    @Test
    void theRevocationSignalKeepsEveryFieldAndSkipsMalformedOnes() {
        String node = "odd|node-" + UUID.randomUUID();
        RedisSessionRevocations a = new RedisSessionRevocations(redis.client(), redis.subscriber(), node);
        RedisSessionRevocations b = new RedisSessionRevocations(redis.client(), redis.subscriber(), "b");
        a.start().await();
        b.start().await();
        List<Revocation> heardByA = new CopyOnWriteArrayList<>();
        List<Revocation> heardByB = new CopyOnWriteArrayList<>();
        a.listen(heardByA::add);
        b.listen(heardByB::add);
        redis.publish(RedisSessionRevocations.CHANNEL, "garbage|x");
        redis.publish(RedisSessionRevocations.CHANNEL, "n|not-a-uuid|*|E");
        Revocation r = Revocation.session(UUID.randomUUID(), UUID.randomUUID());
        a.revoke(r).await();
        Eventually.until(() -> heardByB.contains(r), Boolean::booleanValue, "b hears a");
        assertThat(heardByA.stream().filter(x -> x.playerId().equals(r.playerId())).toList())
                .as("applied once, when made; its echo from Redis ignored").containsExactly(r);
        assertThat(heardByB.stream().filter(x -> x.playerId().equals(r.playerId())).toList()).containsExactly(r);
    }

    private static RedisSignal<UUID> uuids(String channel, String node) {
        RedisSignal<UUID> s = new RedisSignal<>(redis.client(), redis.subscriber(), node, channel, "test", 1,
                UUID::toString, f -> UUID.fromString(f[0]));
        s.start().await();
        return s;
    }
}
