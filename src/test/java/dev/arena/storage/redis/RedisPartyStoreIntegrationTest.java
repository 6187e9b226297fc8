package dev.arena.storage.redis;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.matchmaking.PartyId;
import dev.arena.matchmaking.service.Party;
import dev.arena.matchmaking.service.PartyStore;
import dev.arena.matchmaking.service.PartyStoreContract;
import dev.arena.testing.RedisFixture;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The party store contract against a real Redis, and the write-back after Redis lost its data. */
class RedisPartyStoreIntegrationTest extends PartyStoreContract {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected PartyStore create() {
        return new RedisPartyStore(redis.client());
    }

    /**
     * The node that changed a party last writes it back; one that wrote an earlier version forgets it at its prune,
     * and if it had not, the higher version would still win whichever node writes back first.
     */
    @Test
    void theLastWriterWritesAPartyBackAndTheHigherVersionWins() {
        RedisPartyStore first = new RedisPartyStore(redis.client());
        RedisPartyStore last = new RedisPartyStore(redis.client());
        String epoch = await(new RedisEpoch(redis.client(), Duration.ZERO, Clock.systemUTC()).start());
        UUID leader = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        Party created = Party.create(PartyId.random(), leader, Instant.now());
        await(first.create(created));
        Party joined = created.invite(leader, friend).accept(friend);
        assertThat(await(last.replace(created, joined))).isTrue();

        lose(joined);
        assertThat(await(last.rewrite())).isEqualTo(1);
        assertThat(await(first.rewrite())).as("an older version does not replace a newer one").isZero();
        assertThat(await(last.find(created.id()))).contains(joined);
        assertThat(await(last.partyOf(friend))).contains(created.id());

        await(first.prune(epoch, () -> true));
        lose(joined);
        assertThat(await(first.rewrite())).as("the first writer forgot the party another node changed").isZero();
        assertThat(await(last.rewrite())).isEqualTo(1);
        assertThat(await(first.find(created.id()))).contains(joined);
    }

    private static void lose(Party p) {
        await(redis.client().batch(List.of(Request.cmd(Command.DEL).arg("arena:mm:party:" + p.id()),
                Request.cmd(Command.DEL).arg("arena:mm:pp:" + p.leader()),
                Request.cmd(Command.DEL).arg("arena:mm:pp:" + p.members().get(p.members().size() - 1)))));
    }
}
