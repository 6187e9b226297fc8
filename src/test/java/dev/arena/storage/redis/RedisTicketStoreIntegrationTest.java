package dev.arena.storage.redis;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.matchmaking.service.TicketRecord;
import dev.arena.matchmaking.service.TicketStore;
import dev.arena.matchmaking.service.TicketStoreContract;
import dev.arena.testing.RedisFixture;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ticket store contract against a real Redis, plus the expiry of finished tickets and their empty indexes. */
class RedisTicketStoreIntegrationTest extends TicketStoreContract {
    private static final Duration RETENTION = Duration.ofMinutes(10);
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected TicketStore create() {
        return new RedisTicketStore(redis.client(), RETENTION);
    }

    @Test
    void finishedTicketsExpireAndLeaveNoIndexBehind() {
        UUID p = UUID.randomUUID();
        TicketRecord r = solo(p);
        await(store.add(r));
        long waitingTtl = await(redis.client().send(Request.cmd(Command.PTTL).arg("arena:mm:t:" + r.ticket().id()))).toLong();
        assertThat(waitingTtl).as("a waiting ticket does not expire").isEqualTo(-1);

        await(store.claim(List.of(r.ticket().id())));
        long ttl = await(redis.client().send(Request.cmd(Command.PTTL).arg("arena:mm:t:" + r.ticket().id()))).toLong();
        assertThat(ttl).isBetween(RETENTION.toMillis() - 60_000, RETENTION.toMillis());
        assertThat(await(redis.client().send(Request.cmd(Command.EXISTS).arg("arena:mm:p:" + p))).toLong()).isZero();
    }
}
