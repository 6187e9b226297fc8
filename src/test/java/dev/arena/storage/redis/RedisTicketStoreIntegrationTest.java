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

    /**
     * After Redis lost its data a node writes back the waiting tickets it queued (same id and queue time), not one
     * another node cancelled before the loss (forgotten at the prune), and a prune that cannot trust Redis's answer
     * (another epoch) forgets nothing.
     */
    @Test
    void aNodeWritesBackTheWaitingTicketsItQueuedAndNotThoseAnotherNodeFinished() {
        RedisTicketStore mine = (RedisTicketStore) store;
        RedisTicketStore other = new RedisTicketStore(redis.client(), RETENTION);
        String epoch = await(new RedisEpoch(redis.client(), Duration.ZERO, java.time.Clock.systemUTC()).start());
        TicketRecord kept = solo(UUID.randomUUID());
        TicketRecord cancelled = solo(UUID.randomUUID());
        await(mine.add(kept));
        await(mine.add(cancelled));
        await(other.cancel(cancelled.ticket().id(), "player"));
        await(mine.prune(epoch, () -> true));

        lose(kept);
        lose(cancelled);
        await(mine.prune("another-epoch", () -> true)); // Redis lost its data: a missing ticket is not a finished one
        assertThat(await(mine.rewrite())).isEqualTo(1);
        TicketRecord back = await(store.find(kept.ticket().id())).orElseThrow();
        assertThat(back).isEqualTo(kept);
        assertThat(await(store.waiting(kept.ticket().mode()))).contains(kept);
        assertThat(await(store.find(cancelled.ticket().id()))).isEmpty();
    }

    /** What an empty restart leaves of a ticket: nothing. */
    private static void lose(TicketRecord r) {
        await(redis.client().batch(List.of(
                Request.cmd(Command.DEL).arg("arena:mm:t:" + r.ticket().id()),
                Request.cmd(Command.HDEL).arg("arena:mm:w:" + r.ticket().mode()).arg(r.ticket().id().toString()),
                Request.cmd(Command.DEL).arg("arena:mm:p:" + r.players().get(0)))));
    }
}
