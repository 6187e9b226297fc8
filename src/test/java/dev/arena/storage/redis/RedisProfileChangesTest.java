package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.player.ProfileChanges;
import dev.arena.player.ProfileChangesContract;
import dev.arena.testing.Eventually;
import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract over a real Redis: each node has its own subscriber connection, as in a cluster. */
class RedisProfileChangesTest extends ProfileChangesContract {
    private static Vertx vertx;
    private static Redis client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        client = TestRedis.client(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Override
    protected ProfileChanges node(String node) {
        RedisSubscriber subscriber = new RedisSubscriber(TestRedis.client(vertx), vertx.getOrCreateContext());
        await(subscriber.start());
        RedisProfileChanges changes = new RedisProfileChanges(client, subscriber, node);
        await(changes.start());
        return changes;
    }

    @Test
    void aNodeIgnoresItsOwnMessagesAndMalformedOnesAndReadsNodeIdsWithBars() {
        ProfileChanges a = node("odd|node-" + UUID.randomUUID());
        ProfileChanges b = node("b-" + UUID.randomUUID());
        List<UUID> heardByA = new CopyOnWriteArrayList<>();
        List<UUID> heardByB = new CopyOnWriteArrayList<>();
        a.listen(heardByA::add);
        b.listen(heardByB::add);
        await(client.send(Request.cmd(Command.PUBLISH).arg(RedisProfileChanges.CHANNEL).arg("garbage|x")));
        await(client.send(Request.cmd(Command.PUBLISH).arg(RedisProfileChanges.CHANNEL).arg("no-bar")));
        UUID player = UUID.randomUUID();
        await(a.changed(player));
        Eventually.until(() -> heardByB.contains(player), Boolean::booleanValue, "b hears a");
        assertThat(heardByA.stream().filter(player::equals).toList())
                .as("applied once, when made; its echo from Redis ignored").containsExactly(player);
    }
}
