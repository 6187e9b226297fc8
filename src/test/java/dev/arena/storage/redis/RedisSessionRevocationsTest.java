package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Revocation;
import dev.arena.identity.SessionRevocations;
import dev.arena.identity.SessionRevocationsContract;
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
class RedisSessionRevocationsTest extends SessionRevocationsContract {
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
    protected SessionRevocations node(String node) {
        RedisSubscriber subscriber = new RedisSubscriber(TestRedis.client(vertx), vertx.getOrCreateContext());
        await(subscriber.start());
        RedisSessionRevocations r = new RedisSessionRevocations(client, subscriber, node);
        await(r.start());
        return r;
    }

    @Test
    void aNodeIgnoresItsOwnMessagesAndMalformedOnesAndReadsNodeIdsWithBars() {
        String name = "odd|node-" + UUID.randomUUID();
        SessionRevocations a = node(name);
        SessionRevocations b = node("b-" + UUID.randomUUID());
        List<Revocation> heardByA = new CopyOnWriteArrayList<>();
        List<Revocation> heardByB = new CopyOnWriteArrayList<>();
        a.listen(heardByA::add);
        b.listen(heardByB::add);
        await(client.send(Request.cmd(Command.PUBLISH).arg(RedisSessionRevocations.CHANNEL).arg("garbage|x")));
        Revocation r = Revocation.player(UUID.randomUUID());
        await(a.revoke(r));
        Eventually.until(() -> heardByB.contains(r), Boolean::booleanValue, "b hears a");
        assertThat(heardByA.stream().filter(x -> x.playerId().equals(r.playerId())).toList())
                .as("applied once, when made; its echo from Redis ignored").containsExactly(r);
    }
}
