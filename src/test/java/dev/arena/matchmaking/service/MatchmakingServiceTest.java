package dev.arena.matchmaking.service;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import dev.arena.matchmaking.QueueConfig;
import dev.arena.matchmaking.RatingWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service around the pool, driven by a {@link dev.arena.testing.MutableClock} and explicit steps: windows widen
 * over simulated time, regions are never crossed, parties never split, teams balanced, cancels racing a match,
 * duplicates refused, tickets of players who left cancelled after the grace, and matches created as games.
 */
class MatchmakingServiceTest {
    private static final String BATTLE = QueueConfig.ARENA_BATTLE;
    private static final String FOUR = QueueConfig.CONNECT_FOUR;
    private MatchmakingHarness h = new MatchmakingHarness(QueueConfig.defaults());

    @AfterEach
    void close() {
        h.close();
    }

    private static List<String> players(JsonObject matched) {
        return matched.getJsonArray("players").stream().map(Object::toString).toList();
    }

    @Test
    void theWindowWidensWithSimulatedWaitingUntilTheGapIsCovered() {
        UUID low = h.player(1500);
        UUID high = h.player(1700); // 200 apart: arena_battle's window is 50 + 5/s, so 30 s of waiting
        TicketRecord a = h.enqueue(low, BATTLE, "eu");
        TicketRecord b = h.enqueue(high, BATTLE, "eu");

        h.step();
        h.clock.advance(Duration.ofSeconds(29)); // window 195
        h.step();
        assertThat(h.ticket(a).status()).isEqualTo(TicketStatus.WAITING);
        assertThat(h.frames(low, "mm.matched")).isEmpty();

        h.clock.advance(Duration.ofSeconds(2)); // window 205
        h.step();
        TicketRecord matched = h.ticket(a);
        assertThat(matched.status()).isEqualTo(TicketStatus.MATCHED);
        assertThat(matched.gameId()).isNotNull();
        assertThat(matched.gameNode()).isEqualTo("test-node");
        assertThat(h.ticket(b).gameId()).isEqualTo(matched.gameId());

        JsonObject pushed = h.frames(low, "mm.matched").getFirst();
        assertThat(pushed.getString("game_id")).isEqualTo(matched.gameId().toString());
        assertThat(pushed.getString("mode")).isEqualTo(BATTLE);
        assertThat(pushed.getString("ticket_id")).isEqualTo(a.ticket().id().toString());
        assertThat(players(pushed)).containsExactlyInAnyOrder(low.toString(), high.toString());
        assertThat(pushed.getDouble("rating_spread")).isEqualTo(200.0);
        assertThat(h.frames(high, "mm.matched").getFirst().getString("ticket_id"))
                .isEqualTo(b.ticket().id().toString());

        // the game exists, private, its seats reserved for the two, and both are seated
        var game = h.matches.require(new MatchId(matched.gameId()));
        assertThat(game.mode()).isEqualTo(BATTLE);
        assertThat(game.privateGame()).isTrue();
        assertThat(game.reserved()).containsExactlyInAnyOrder(new PlayerId(low), new PlayerId(high));
        assertThat(game.view().players()).extracting(p -> p.player())
                .containsExactlyInAnyOrder(new PlayerId(low), new PlayerId(high));
    }

    @Test
    void aRegionIsNeverCrossedHoweverLongTheWait() {
        UUID eu = h.player(1500);
        UUID us = h.player(1500);
        TicketRecord a = h.enqueue(eu, BATTLE, "eu");
        h.enqueue(us, BATTLE, "us");
        for (int minute = 0; minute < 10; minute++) {
            h.clock.advance(Duration.ofMinutes(1));
            h.step();
        }
        assertThat(h.ticket(a).status()).isEqualTo(TicketStatus.WAITING);

        UUID eu2 = h.player(1900);
        h.enqueue(eu2, BATTLE, "eu");
        h.clock.advance(Duration.ofMinutes(2));
        h.step();
        assertThat(players(h.frames(eu, "mm.matched").getFirst()))
                .containsExactlyInAnyOrder(eu.toString(), eu2.toString());
        assertThat(h.frames(us, "mm.matched")).isEmpty();
    }

    @Test
    void aPartyIsNeverSplitAndTeamsAreBalanced() {
        h.close();
        RatingWindow wide = new RatingWindow(400, 0, 400);
        h = new MatchmakingHarness(List.of(QueueConfig.teams(BATTLE, 2, 2, wide)));
        UUID strong = h.player(1800);
        UUID weak = h.player(1200);
        UUID a = h.player(1600);
        UUID b = h.player(1550);
        Party party = h.party(strong, weak);
        TicketRecord partyTicket = h.enqueueParty(strong, party, BATTLE, "eu");
        assertThat(partyTicket.players()).containsExactly(strong, weak);
        h.enqueue(a, BATTLE, "eu");
        h.enqueue(b, BATTLE, "eu");
        h.step();

        // the party (mean 1500) plays together; 1600 and 1550 (mean 1575) is the only other team of two
        JsonArray teams = h.frames(weak, "mm.matched").getFirst().getJsonArray("teams");
        assertThat(teams.stream().map(t -> Set.copyOf(((JsonArray) t).getList())))
                .contains(Set.of(strong.toString(), weak.toString()));

        // four solos: the balancer pairs 1600+1400 against 1550+1450 (both 3000)
        h.enqueue(h.player(1500), BATTLE, "us"); // elsewhere, ignored
        UUID[] solos = {h.player(1600), h.player(1550), h.player(1450), h.player(1400)};
        for (UUID s : solos) {
            h.enqueue(s, BATTLE, "asia");
        }
        h.step();
        JsonArray balanced = h.frames(solos[0], "mm.matched").getFirst().getJsonArray("teams");
        assertThat(balanced.stream().map(t -> Set.copyOf(((JsonArray) t).getList()))).containsExactlyInAnyOrder(
                Set.of(solos[0].toString(), solos[3].toString()), Set.of(solos[1].toString(), solos[2].toString()));
    }

    @Test
    void aCancelThatLosesTheRaceToAMatchIsRefusedAndOneThatWinsLeavesTheOtherWaiting() {
        UUID a = h.player(1500);
        UUID b = h.player(1500);
        TicketRecord ta = h.enqueue(a, BATTLE, "eu");
        TicketRecord tb = h.enqueue(b, BATTLE, "eu");

        // the pool has proposed a and b (sync done), then a cancels before the claim
        await(h.matcher.sync());
        TicketRecord cancelled = await(h.mm.cancel(a, ta.ticket().id()));
        assertThat(cancelled.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(await(h.matcher.form(h.clock.instant()))).as("no game for a lost claim").isZero();
        assertThat(h.ticket(tb).status()).isEqualTo(TicketStatus.WAITING);
        assertThat(h.frames(b, "mm.matched")).isEmpty();

        // b comes back into the pool with its earned wait, and is matched with the next player
        h.clock.advance(Duration.ofSeconds(10));
        UUID c = h.player(1500);
        h.enqueue(c, BATTLE, "eu");
        h.step();
        JsonObject matched = h.frames(b, "mm.matched").getFirst();
        assertThat(players(matched)).containsExactlyInAnyOrder(b.toString(), c.toString());
        assertThat(await(h.mm.stats()).stream().filter(s -> s.mode().equals(BATTLE)).findFirst().orElseThrow()
                .waitP95Ms()).as("b's wait counts from its first queueing").isEqualTo(10_000);

        // a cancel after the match is refused with 409, and changes nothing
        assertThatThrownBy(() -> await(h.mm.cancel(b, tb.ticket().id()))).isInstanceOf(ArenaException.Conflict.class)
                .hasMessageContaining(matched.getString("game_id"));
        assertThat(h.ticket(tb).status()).isEqualTo(TicketStatus.MATCHED);
    }

    @Test
    void aSecondTicketInTheSameModeIsRefusedAndAMatchWithdrawsTheOtherModes() {
        UUID p = h.player(1500);
        TicketRecord battle = h.enqueue(p, BATTLE, "eu");
        assertThatThrownBy(() -> h.enqueue(p, BATTLE, "us")).isInstanceOf(ArenaException.Conflict.class)
                .hasMessageContaining(battle.ticket().id().toString());
        TicketRecord four = h.enqueue(p, FOUR, "eu");

        h.enqueue(h.player(1500), FOUR, "eu");
        h.step();
        assertThat(h.ticket(four).status()).isEqualTo(TicketStatus.MATCHED);
        TicketRecord withdrawn = h.ticket(battle);
        assertThat(withdrawn.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(withdrawn.reason()).isEqualTo("matched_elsewhere");
        assertThat(h.frames(p, "mm.ticket")).extracting(f -> f.getJsonObject("ticket").getString("reason"))
                .contains("matched_elsewhere");
        // queueing again is allowed once nothing waits
        h.enqueue(p, BATTLE, "eu");
    }

    @Test
    void ticketsOfAPlayerWithoutASocketAreCancelledAfterTheGrace() {
        UUID gone = h.player(1500);
        UUID back = h.player(3000); // nobody near: stays waiting
        h.mm.opened(gone);
        h.mm.opened(back);
        TicketRecord t1 = h.enqueue(gone, BATTLE, "eu");
        TicketRecord t2 = h.enqueue(back, FOUR, "mars");
        h.mm.closed(gone);
        h.mm.closed(back);

        h.clock.advance(MatchmakingHarness.GRACE.minusSeconds(1));
        h.mm.opened(back); // reconnected in time
        h.step();
        assertThat(h.ticket(t1).status()).isEqualTo(TicketStatus.WAITING);

        h.clock.advance(Duration.ofSeconds(2));
        h.step();
        assertThat(h.ticket(t1).status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(h.ticket(t1).reason()).isEqualTo("disconnected");
        assertThat(h.frames(gone, "mm.ticket")).hasSize(1);
        assertThat(h.ticket(t2).status()).isEqualTo(TicketStatus.WAITING);
    }

    @Test
    void aMatchWhoseGameCannotBeCreatedGoesBackToTheQueueWithItsEnqueueTimeAndThePlayersAreTold() {
        String broken = "no_such_game"; // a queue the game catalog cannot create: createFor throws
        h.close();
        h = new MatchmakingHarness(List.of(QueueConfig.oneVsOne(broken, QueueConfig.DEFAULT_WINDOW),
                QueueConfig.arenaBattle()));
        UUID a = h.player(1500);
        UUID b = h.player(1500);
        TicketRecord ta = h.enqueue(a, broken, "eu");
        TicketRecord aBattle = h.enqueue(a, BATTLE, "eu"); // withdrawn by the claim, then given back
        TicketRecord tb = h.enqueue(b, broken, "eu");
        h.clock.advance(Duration.ofSeconds(5));

        h.step();
        assertThat(h.ticket(ta)).as("waiting again, same id and enqueue time").isEqualTo(ta);
        assertThat(h.ticket(tb)).isEqualTo(tb);
        assertThat(h.ticket(aBattle)).isEqualTo(aBattle);
        assertThat(h.frames(a, "mm.matched")).isEmpty();
        assertThat(h.frames(a, "mm.ticket")).extracting(f -> f.getJsonObject("ticket").getString("ticket_id") + " "
                + f.getJsonObject("ticket").getString("status")).containsExactlyInAnyOrder(
                ta.ticket().id() + " waiting", aBattle.ticket().id() + " waiting");
        assertThat(h.frames(b, "mm.ticket")).hasSize(1);

        // back in the pool: proposed again at the next step, and b may still leave the queue
        h.step();
        assertThat(h.frames(b, "mm.ticket")).hasSize(2);
        assertThat(await(h.mm.cancel(b, tb.ticket().id())).status()).isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void onlyTheLeaderQueuesAPartyThatFitsATeamAndAChangeOfMembersCancelsItsTicket() {
        UUID leader = h.player(1500);
        UUID friend = h.player(1500);
        UUID stranger = h.player(1500);
        Party party = h.party(leader, friend);

        assertThatThrownBy(() -> h.enqueueParty(friend, party, BATTLE, "eu"))
                .isInstanceOf(ArenaException.Forbidden.class);
        assertThatThrownBy(() -> h.enqueueParty(stranger, party, BATTLE, "eu"))
                .isInstanceOf(ArenaException.NotFound.class);
        assertThatThrownBy(() -> h.enqueueParty(leader, party, BATTLE, "eu"))
                .isInstanceOf(ArenaException.Invalid.class).hasMessageContaining("does not fit a team of 1");

        h.close();
        h = new MatchmakingHarness(List.of(QueueConfig.teams(BATTLE, 2, 2, QueueConfig.DEFAULT_WINDOW)));
        UUID l2 = h.player(1500);
        UUID f2 = h.player(1500);
        Party p2 = h.party(l2, f2);
        TicketRecord t = h.enqueueParty(l2, p2, BATTLE, "eu");
        assertThatThrownBy(() -> h.enqueue(f2, BATTLE, "eu")).isInstanceOf(ArenaException.Conflict.class);
        await(h.mm.parties().leave(f2, p2.id()));
        TicketRecord after = h.ticket(t);
        assertThat(after.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(after.reason()).isEqualTo("party_changed");
        assertThat(h.frames(l2, "mm.ticket")).isNotEmpty();
        assertThat(h.frames(l2, "party.updated")).extracting(f -> f.getString("event")).contains("left");
    }

    @Test
    void anotherPlayersTicketLooksUnknown() {
        UUID owner = h.player(1500);
        TicketRecord t = h.enqueue(owner, BATTLE, "eu");
        UUID other = h.player(1500);
        assertThatThrownBy(() -> await(h.mm.find(other, t.ticket().id())))
                .isInstanceOf(ArenaException.NotFound.class);
        assertThatThrownBy(() -> await(h.mm.cancel(other, t.ticket().id())))
                .isInstanceOf(ArenaException.NotFound.class);
        assertThat(h.ticket(t).status()).isEqualTo(TicketStatus.WAITING);
        assertThat(await(h.mm.find(owner, t.ticket().id()))).isEqualTo(t);
    }

    @Test
    void statisticsShowQueuesWaitsAndSpreads() {
        h.enqueue(h.player(1500), BATTLE, "eu");
        h.enqueue(h.player(1540), BATTLE, "eu");
        h.enqueue(h.player(2500), BATTLE, "eu");
        h.clock.advance(Duration.ofSeconds(2));
        h.step();

        StatsView s = await(h.mm.stats()).stream().filter(x -> x.mode().equals(BATTLE)).findFirst().orElseThrow();
        assertThat(s.queueLength()).isEqualTo(1);
        assertThat(s.matchesFormed()).isEqualTo(1);
        assertThat(s.ratingSpreadP50()).isEqualTo(40.0);
        assertThat(s.waitP50Ms()).isEqualTo(2000);
        assertThat(s.matcherNode()).isEqualTo("test-node");
        assertThat(h.mm.latest().get(BATTLE)).isEqualTo(s);
        assertThat(await(h.mm.stats()).stream().filter(x -> x.mode().equals(FOUR)).findFirst().orElseThrow()
                .matchesFormed()).isZero();
    }
}
