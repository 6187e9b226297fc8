package dev.arena.storage.redis;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.presence.Member;
import dev.arena.presence.PresenceStore;
import dev.arena.presence.PresenceStoreContract;
import dev.arena.testing.MutableClock;
import dev.arena.testing.RedisFixture;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The presence contract against a real Redis, plus its join order and bounded keys. */
class RedisPresenceStoreIntegrationTest extends PresenceStoreContract {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();
    private final MutableClock clock = new MutableClock();

    @Override
    protected PresenceStore create() {
        return new RedisPresenceStore(redis.client(), clock);
    }

    @Test
    void listsInJoinOrder() {
        String room = "order-" + UUID.randomUUID();
        String node = "n-" + UUID.randomUUID();
        Member first = new Member(UUID.randomUUID(), "First", new UUID(-1, -1), node);
        Member second = new Member(UUID.randomUUID(), "Second", new UUID(0, 1), node);
        await(store.add(room, first));
        clock.advance(Duration.ofMillis(5));
        await(store.add(room, second));

        assertThat(await(store.list(room))).containsExactly(first, second);
        // the page comes from the join-time order, not from the session ids (which sort the other way)
        assertThat(await(store.page(room, 0, 1))).isEqualTo(new PresenceStore.Page(java.util.List.of(first), 2));
        assertThat(await(store.page(room, 1, 5)).members()).containsExactly(second);
    }

    @Test
    void emptyRoomsAndNodesLeaveNoKeysBehind() {
        String room = "keys-" + UUID.randomUUID();
        String node = "n-" + UUID.randomUUID();
        Member m = new Member(UUID.randomUUID(), "M", UUID.randomUUID(), node);
        await(store.add(room, m));
        await(store.remove(room, m));

        assertThat(exists(RedisPresenceStore.roomKey(room))).isFalse();
        assertThat(exists(RedisPresenceStore.orderKey(room))).isFalse();
        assertThat(exists(RedisPresenceStore.nodeKey(node))).isFalse();
        await(store.add(room, m));
        assertThat(exists(RedisPresenceStore.orderKey(room))).isTrue();
        await(store.removeNode(node));
        assertThat(exists(RedisPresenceStore.roomKey(room))).isFalse();
        assertThat(exists(RedisPresenceStore.orderKey(room))).isFalse();
        assertThat(exists(RedisPresenceStore.nodeKey(node))).isFalse();
    }

    private static boolean exists(String key) {
        return await(redis.client().send(Request.cmd(Command.EXISTS).arg(key))).toLong() == 1;
    }
}
