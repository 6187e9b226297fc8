package dev.arena.matchmaking.service;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.PartyId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PartyStore} must have: a player in at most one party, replacements only over the
 * version read, and a disbanded party gone with its index.
 */
public abstract class PartyStoreContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    protected PartyStore store;

    protected abstract PartyStore create();

    @BeforeEach
    void createStore() {
        store = create();
    }

    @Test
    void createsFindsAndIndexesItsLeader() {
        UUID leader = UUID.randomUUID();
        Party p = Party.create(PartyId.random(), leader, now);
        await(store.create(p));

        assertThat(await(store.find(p.id()))).contains(p);
        assertThat(await(store.partyOf(leader))).contains(p.id());
        assertThat(await(store.find(PartyId.random()))).isEmpty();
        assertThatThrownBy(() -> await(store.create(Party.create(PartyId.random(), leader, now))))
                .isInstanceOf(ArenaException.Conflict.class).hasMessageContaining(p.id().toString());
    }

    @Test
    void replacesOnlyOverTheVersionRead() {
        UUID leader = UUID.randomUUID();
        UUID guest = UUID.randomUUID();
        Party p = Party.create(PartyId.random(), leader, now);
        await(store.create(p));
        Party invited = p.invite(leader, guest);
        assertThat(await(store.replace(p, invited))).isTrue();
        assertThat(await(store.replace(p, p.invite(leader, UUID.randomUUID())))).as("stale").isFalse();

        Party joined = invited.accept(guest);
        assertThat(await(store.replace(invited, joined))).isTrue();
        assertThat(await(store.find(p.id()))).contains(joined);
        assertThat(await(store.partyOf(guest))).contains(p.id());

        Party left = joined.leave(guest);
        assertThat(await(store.replace(joined, left))).isTrue();
        assertThat(await(store.partyOf(guest))).isEmpty();
        assertThat(await(store.partyOf(leader))).contains(p.id());
    }

    @Test
    void aPlayerJoinsAtMostOneParty() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID guest = UUID.randomUUID();
        Party first = Party.create(PartyId.random(), a, now).invite(a, guest);
        Party second = Party.create(PartyId.random(), b, now).invite(b, guest);
        await(store.create(Party.create(first.id(), a, now)));
        await(store.create(Party.create(second.id(), b, now)));
        await(store.replace(Party.create(first.id(), a, now), first));
        await(store.replace(Party.create(second.id(), b, now), second));

        assertThat(await(store.replace(first, first.accept(guest)))).isTrue();
        assertThatThrownBy(() -> await(store.replace(second, second.accept(guest))))
                .isInstanceOf(ArenaException.Conflict.class);
        assertThat(await(store.find(second.id()))).contains(second);
    }

    @Test
    void aDisbandedPartyIsGone() {
        UUID leader = UUID.randomUUID();
        Party p = Party.create(PartyId.random(), leader, now);
        await(store.create(p));
        assertThat(await(store.replace(p, null))).isTrue();

        assertThat(await(store.find(p.id()))).isEmpty();
        assertThat(await(store.partyOf(leader))).isEmpty();
        await(store.create(Party.create(PartyId.random(), leader, now)));
    }
}
