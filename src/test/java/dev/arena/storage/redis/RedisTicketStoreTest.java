package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.matchmaking.service.TicketRecord;
import dev.arena.matchmaking.service.TicketStore;
import dev.arena.matchmaking.service.TicketStoreContract;
import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ticket store contract against a real Redis, plus the expiry of finished tickets and their empty indexes. */
class RedisTicketStoreTest extends TicketStoreContract {
    private static final Duration RETENTION = Duration.ofMinutes(10);
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
    protected TicketStore create() {
        return new RedisTicketStore(client, RETENTION);
    }

    @Test
    void finishedTicketsExpireAndLeaveNoIndexBehind() {
        UUID p = UUID.randomUUID();
        TicketRecord r = solo(p);
        await(store.add(r));
        long waitingTtl = await(client.send(Request.cmd(Command.PTTL).arg("arena:mm:t:" + r.ticket().id()))).toLong();
        assertThat(waitingTtl).as("a waiting ticket does not expire").isEqualTo(-1);

        await(store.claim(List.of(r.ticket().id())));
        long ttl = await(client.send(Request.cmd(Command.PTTL).arg("arena:mm:t:" + r.ticket().id()))).toLong();
        assertThat(ttl).isBetween(RETENTION.toMillis() - 60_000, RETENTION.toMillis());
        assertThat(await(client.send(Request.cmd(Command.EXISTS).arg("arena:mm:p:" + p))).toLong()).isZero();
    }
}
