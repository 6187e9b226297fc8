package dev.arena.storage.redis;

import static dev.arena.matchmaking.service.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sockets counted per node in a real Redis: any live node's socket counts, a dead node's and an earlier run's do not. */
class RedisPlayerSessionsTest {
    private static Vertx vertx;
    private static Redis client;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        client = TestRedis.client(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private RedisPlayerSessions node(String name, boolean alive) {
        String node = name + "-" + run;
        if (alive) {
            await(client.send(Request.cmd(Command.SET).arg(ClusterMembership.aliveKey(node)).arg("x")));
        }
        await(client.send(Request.cmd(Command.SADD).arg(ClusterMembership.NODES).arg(node)));
        return new RedisPlayerSessions(client, node);
    }

    @Test
    void aSocketOnAnyLiveNodeCounts() {
        RedisPlayerSessions a = node("a", true);
        RedisPlayerSessions b = node("b", true);
        UUID p = UUID.randomUUID();
        assertThat(await(a.online(p))).isFalse();

        await(a.opened(p));
        await(a.opened(p));
        await(b.opened(p));
        await(a.closed(p));
        await(a.closed(p));
        assertThat(await(a.online(p))).as("still on b").isTrue();
        await(b.closed(p));
        assertThat(await(a.online(p))).isFalse();
        assertThat(await(client.send(Request.cmd(Command.HLEN).arg(RedisPlayerSessions.PREFIX + "a-" + run)))
                .toLong()).as("nothing left behind").isZero();
    }

    @Test
    void aCloseCountedBeforeItsOpenStillSumsToNothing() {
        RedisPlayerSessions a = node("a", true);
        UUID p = UUID.randomUUID();
        await(a.closed(p));
        await(a.opened(p));
        assertThat(await(a.online(p))).isFalse();
        await(a.opened(p));
        assertThat(await(a.online(p))).isTrue();
    }

    @Test
    void aDeadNodeAndAnEarlierRunOfANodeCountNothing() {
        RedisPlayerSessions dead = node("dead", false);
        RedisPlayerSessions live = node("live", true);
        UUID p = UUID.randomUUID();
        await(dead.opened(p));
        assertThat(await(live.online(p))).as("the dead node's heartbeat is gone").isFalse();

        UUID q = UUID.randomUUID();
        await(live.opened(q));
        RedisPlayerSessions restarted = new RedisPlayerSessions(client, "live-" + run);
        await(restarted.start());
        assertThat(await(live.online(q))).as("cleared when the node starts again").isFalse();
    }
}
