package dev.arena.matchmaking.service;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.QueuedPlayer;
import dev.arena.matchmaking.PartyId;
import dev.arena.matchmaking.Ticket;
import dev.arena.matchmaking.TicketId;
import dev.arena.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TicketStore} must have: one waiting ticket per player and mode, cancels that say what
 * became of the ticket, claims that are all or nothing, and a cancel racing a claim where exactly one wins. Modes
 * and players are unique per test, so a store on a shared server needs no flushing.
 */
public abstract class TicketStoreContract {
    protected final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    protected TicketStore store;
    private final String mode = "m" + UUID.randomUUID().toString().substring(0, 8);

    protected abstract TicketStore create();

    @BeforeEach
    void createStore() {
        store = create();
    }

    protected TicketRecord solo(String inMode, UUID player) {
        Ticket t = Ticket.solo(TicketId.random(), inMode, new QueuedPlayer(player, 1500.25, 350), "eu", clock.instant());
        return TicketRecord.waiting(t, player);
    }

    protected TicketRecord solo(UUID player) {
        return solo(mode, player);
    }

    @Test
    void storesAndFindsAWaitingTicket() {
        UUID p = UUID.randomUUID();
        TicketRecord r = solo(p);
        await(store.add(r));

        assertThat(await(store.find(r.ticket().id()))).contains(r);
        assertThat(await(store.waiting(mode))).containsExactly(r);
        assertThat(await(store.waitingOf(p))).containsExactly(r);
        assertThat(await(store.find(TicketId.random()))).isEmpty();
    }

    @Test
    void keepsEveryFieldOfAPartyTicket() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Ticket t = new Ticket(TicketId.random(), mode, List.of(new QueuedPlayer(a, 1612.5, 80.25), new QueuedPlayer(b, 1400, 120)),
                Optional.of(PartyId.random()), Map.of("region", "eu", "map", "dust \"2\""),
                clock.instant().plusNanos(123_000));
        TicketRecord r = TicketRecord.waiting(t, a);
        await(store.add(r));

        assertThat(await(store.find(t.id()))).contains(r);
        await(store.claim(List.of(t.id())));
        UUID game = UUID.randomUUID();
        await(store.assign(List.of(t.id()), game, "node-x"));
        assertThat(await(store.find(t.id()))).contains(r.matched(game, "node-x"));
    }

    @Test
    void refusesASecondWaitingTicketOfAPlayerInTheSameMode() {
        UUID p = UUID.randomUUID();
        TicketRecord first = solo(p);
        await(store.add(first));

        assertThatThrownBy(() -> await(store.add(solo(p)))).isInstanceOf(ArenaException.Conflict.class)
                .hasMessageContaining(first.ticket().id().toString());
        TicketRecord otherMode = solo(mode + "x", p);
        await(store.add(otherMode));
        assertThat(await(store.waitingOf(p))).containsExactlyInAnyOrder(first, otherMode);

        await(store.cancel(first.ticket().id(), "player"));
        await(store.add(solo(p)));
    }

    @Test
    void aPartyTicketHoldsEveryMember() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Ticket t = new Ticket(TicketId.random(), mode, List.of(new QueuedPlayer(a, 1500, 350), new QueuedPlayer(b, 1500, 350)),
                Optional.of(PartyId.random()), Map.of("region", "eu"), clock.instant());
        await(store.add(TicketRecord.waiting(t, a)));

        assertThatThrownBy(() -> await(store.add(solo(b)))).isInstanceOf(ArenaException.Conflict.class)
                .hasMessageContaining(b.toString());
    }

    @Test
    void cancelIsIdempotentAndSaysWhatBecameOfTheTicket() {
        UUID p = UUID.randomUUID();
        TicketRecord r = solo(p);
        await(store.add(r));

        TicketRecord cancelled = await(store.cancel(r.ticket().id(), "player")).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("player");
        assertThat(await(store.cancel(r.ticket().id(), "disconnected"))).contains(cancelled);
        assertThat(await(store.find(r.ticket().id()))).contains(cancelled);
        assertThat(await(store.waiting(mode))).isEmpty();
        assertThat(await(store.waitingOf(p))).isEmpty();
        assertThat(await(store.cancel(TicketId.random(), "player"))).isEmpty();
    }

    @Test
    void aClaimIsAllOrNothing() {
        TicketRecord a = solo(UUID.randomUUID());
        TicketRecord b = solo(UUID.randomUUID());
        TicketRecord c = solo(UUID.randomUUID());
        await(store.add(a));
        await(store.add(b));
        await(store.add(c));
        await(store.cancel(a.ticket().id(), "player"));

        assertThat(won(List.of(a.ticket().id(), b.ticket().id()))).isFalse();
        assertThat(await(store.find(b.ticket().id())).orElseThrow().status()).isEqualTo(TicketStatus.WAITING);
        assertThat(won(List.of(b.ticket().id(), c.ticket().id()))).isTrue();
        assertThat(await(store.waiting(mode))).isEmpty();
        assertThat(won(List.of(b.ticket().id()))).as("claimed once").isFalse();

        // a cancel after the claim changes nothing and says the ticket was matched
        TicketRecord late = await(store.cancel(b.ticket().id(), "player")).orElseThrow();
        assertThat(late.status()).isEqualTo(TicketStatus.MATCHED);
        // the player may queue again at once
        await(store.add(solo(b.players().getFirst())));
    }

    @Test
    void aCancelRacingAClaimHasExactlyOneWinner() {
        List<TicketRecord[]> pairs = new ArrayList<>();
        List<Future<TicketStore.Claim>> claims = new ArrayList<>();
        List<Future<Optional<TicketRecord>>> cancels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TicketRecord x = solo(UUID.randomUUID());
            TicketRecord y = solo(UUID.randomUUID());
            await(store.add(x));
            await(store.add(y));
            pairs.add(new TicketRecord[] {x, y});
        }
        for (TicketRecord[] pair : pairs) {
            claims.add(store.claim(List.of(pair[0].ticket().id(), pair[1].ticket().id())));
            cancels.add(store.cancel(pair[1].ticket().id(), "player"));
        }
        for (int i = 0; i < pairs.size(); i++) {
            boolean claimed = await(claims.get(i)).won();
            TicketStatus afterCancel = await(cancels.get(i)).orElseThrow().status();
            TicketStatus other = await(store.find(pairs.get(i)[0].ticket().id())).orElseThrow().status();
            if (claimed) {
                assertThat(afterCancel).isEqualTo(TicketStatus.MATCHED);
                assertThat(other).isEqualTo(TicketStatus.MATCHED);
            } else {
                assertThat(afterCancel).isEqualTo(TicketStatus.CANCELLED);
                assertThat(other).isEqualTo(TicketStatus.WAITING);
            }
        }
    }

    private boolean won(List<TicketId> ids) {
        return await(store.claim(ids)).won();
    }

    @Test
    void aClaimWithdrawsItsPlayersOtherModesSoTheirClaimThereFails() {
        String other = mode + "y";
        UUID both = UUID.randomUUID();
        TicketRecord here = solo(both);
        TicketRecord there = solo(other, both);
        TicketRecord partner = solo(UUID.randomUUID());
        TicketRecord otherPartner = solo(other, UUID.randomUUID());
        for (TicketRecord r : List.of(here, there, partner, otherPartner)) {
            await(store.add(r));
        }

        TicketStore.Claim first = await(store.claim(List.of(here.ticket().id(), partner.ticket().id())));
        assertThat(first.won()).isTrue();
        assertThat(first.withdrawn()).extracting(r -> r.ticket().id()).containsExactly(there.ticket().id());
        assertThat(first.withdrawn().getFirst().reason()).isEqualTo(TicketStore.MATCHED_ELSEWHERE);
        // the other mode's matcher (another node) proposed the same player at the same instant: its claim fails
        assertThat(won(List.of(there.ticket().id(), otherPartner.ticket().id()))).isFalse();
        assertThat(await(store.find(otherPartner.ticket().id())).orElseThrow().status())
                .isEqualTo(TicketStatus.WAITING);
        assertThat(await(store.waiting(other))).containsExactly(otherPartner);
        assertThat(await(store.waitingOf(both))).isEmpty();
    }

    @Test
    void aRequeueUndoesAClaimKeepingIdsAndEnqueueTimes() {
        String other = mode + "z";
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        TicketRecord ta = solo(a);
        TicketRecord tb = solo(b);
        TicketRecord aElsewhere = solo(other, a);
        TicketRecord bystander = solo(UUID.randomUUID());
        for (TicketRecord r : List.of(ta, tb, aElsewhere, bystander)) {
            await(store.add(r));
        }
        TicketStore.Claim claim = await(store.claim(List.of(ta.ticket().id(), tb.ticket().id())));
        clock.advance(java.time.Duration.ofSeconds(5));
        // b queued again in the mode meanwhile: b's claimed ticket cannot go back and is cancelled instead
        TicketRecord bAgain = solo(b);
        await(store.add(bAgain));

        List<TicketRecord> back = new ArrayList<>(List.of(ta, tb, bystander));
        back.addAll(claim.withdrawn());
        List<TicketRecord> changed = await(store.requeue(back, "launch_failed"));

        TicketRecord tbNow = tb.cancelled("launch_failed");
        assertThat(changed).containsExactlyInAnyOrder(ta, aElsewhere, tbNow);
        assertThat(await(store.find(ta.ticket().id()))).contains(ta);
        assertThat(await(store.find(tb.ticket().id()))).contains(tbNow);
        assertThat(await(store.waiting(mode))).containsExactlyInAnyOrder(ta, bAgain, bystander);
        assertThat(await(store.waiting(other))).containsExactly(aElsewhere);
        assertThat(await(store.waitingOf(a))).containsExactlyInAnyOrder(ta, aElsewhere);
        assertThatThrownBy(() -> await(store.add(solo(a)))).isInstanceOf(ArenaException.Conflict.class);
        // a ticket that got its game, or was cancelled by its player, is never brought back
        assertThat(won(List.of(ta.ticket().id()))).isTrue();
        await(store.assign(List.of(ta.ticket().id()), UUID.randomUUID(), "n"));
        await(store.cancel(bystander.ticket().id(), "player"));
        assertThat(await(store.requeue(List.of(ta, bystander), "launch_failed"))).isEmpty();
        assertThat(await(store.waiting(mode))).containsExactly(bAgain);
    }

    @Test
    void keepsTheLastPublishedStatisticsOfAMode() {
        assertThat(await(store.stats(mode))).isEmpty();
        await(store.putStats(mode, "{\"a\":1}"));
        await(store.putStats(mode, "{\"a\":2}"));
        assertThat(await(store.stats(mode))).contains("{\"a\":2}");
    }
}
