package dev.arena.matchmaking;

import static dev.arena.matchmaking.TestTickets.at;
import static dev.arena.matchmaking.TestTickets.party;
import static dev.arena.matchmaking.TestTickets.solo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketPoolTest {
    static final String DUEL = "duel";
    static final String DUO = "duo";
    static final RatingWindow WINDOW = new RatingWindow(50, 10, 400);

    private final TicketPool pool = new TicketPool(List.of(
            QueueConfig.oneVsOne(DUEL, WINDOW),
            QueueConfig.teams(DUO, 2, 2, WINDOW),
            QueueConfig.freeForAll("ffa4", 4, WINDOW)));

    private static UUID player(Ticket t) {
        return t.members().getFirst().playerId();
    }

    @Nested
    class RatingWindows {
        @Test
        void widenWithSimulatedTimeUntilTwoDistantPlayersMeet() {
            Ticket a = solo(DUEL, 1500, 0);
            Ticket b = solo(DUEL, 1700, 0);
            pool.add(a);
            pool.add(b);
            // gap 200 needs both windows at 200: 50 + 10/s * 15 s
            assertThat(pool.process(at(0))).isEmpty();
            assertThat(pool.process(at(14.9))).isEmpty();
            List<MatchProposal> made = pool.process(at(15));
            assertThat(made).singleElement().satisfies(p -> {
                assertThat(p.ticketIds()).containsExactly(a.id(), b.id());
                assertThat(p.ratingSpread()).isEqualTo(200);
                assertThat(p.tickets()).extracting(MatchProposal.MatchedTicket::waited)
                        .containsOnly(Duration.ofSeconds(15));
            });
            assertThat(pool.queueLength(DUEL)).isZero();
        }

        @Test
        void aLongWaitDoesNotDragANewcomerBeyondItsOwnWindow() {
            Ticket veteran = solo(DUEL, 1500, 0);
            pool.add(veteran);
            pool.process(at(600)); // the veteran's window is at its maximum, 400
            Ticket newcomer = solo(DUEL, 1700, 600);
            pool.add(newcomer);
            assertThat(pool.process(at(600))).isEmpty();
            assertThat(pool.process(at(614.9))).isEmpty();
            assertThat(pool.process(at(615))).hasSize(1);
        }

        @Test
        void neverBeyondTheMaximum() {
            pool.add(solo(DUEL, 1000, 0));
            pool.add(solo(DUEL, 1401, 0));
            for (int s = 0; s <= 3600; s += 60) {
                assertThat(pool.process(at(s))).isEmpty();
            }
            assertThat(pool.queueLength(DUEL)).isEqualTo(2);
        }
    }

    @Nested
    class HardConstraints {
        @Test
        void regionIsNeverCrossedHoweverLongTheWait() {
            Ticket eu = solo(DUEL, 1500, "eu", 0);
            Ticket us = solo(DUEL, 1500, "us", 0);
            pool.add(eu);
            pool.add(us);
            for (int s = 0; s <= 3600; s += 30) {
                assertThat(pool.process(at(s))).isEmpty();
            }
            Ticket eu2 = solo(DUEL, 1500, "eu", 3600);
            pool.add(eu2);
            assertThat(pool.process(at(3600))).singleElement()
                    .satisfies(p -> assertThat(p.ticketIds()).containsExactlyInAnyOrder(eu.id(), eu2.id()));
            assertThat(pool.waiting(DUEL)).containsExactly(us);
        }

        @Test
        void everyConfiguredConstraintMustBeEqualAndPresent() {
            TicketPool ranked = new TicketPool(List.of(
                    new QueueConfig("ranked", 2, 1, WINDOW, Set.of("region", "platform"))));
            Ticket pc = withProps("ranked", Map.of("region", "eu", "platform", "pc"));
            Ticket console = withProps("ranked", Map.of("region", "eu", "platform", "console"));
            ranked.add(pc);
            ranked.add(console);
            assertThat(ranked.process(at(3600))).isEmpty();

            assertThatThrownBy(() -> ranked.add(withProps("ranked", Map.of("region", "eu"))))
                    .isInstanceOfSatisfying(TicketRejectedException.MissingProperty.class,
                            e -> assertThat(e.property()).isEqualTo("platform"));
        }

        @Test
        void softPropertiesDoNotPreventAMatch() {
            pool.add(withProps(DUEL, Map.of("region", "eu", "map", "desert")));
            pool.add(withProps(DUEL, Map.of("region", "eu", "map", "forest")));
            assertThat(pool.process(at(0))).hasSize(1);
        }

        private Ticket withProps(String mode, Map<String, String> props) {
            return new Ticket(TicketId.random(), mode, List.of(TestTickets.member(1500)), Optional.empty(), props, at(0));
        }
    }

    @Nested
    class PartiesAndTeams {
        @Test
        void aPartyOfTwoPlusTwoSolosMakeOneTwoVersusTwo() {
            Ticket duo = party(DUO, "eu", 0, 1480, 1520);
            Ticket s1 = solo(DUO, 1490, 1);
            Ticket s2 = solo(DUO, 1510, 2);
            pool.add(duo);
            pool.add(s1);
            pool.add(s2);
            MatchProposal p = pool.process(at(2)).getFirst();
            assertThat(p.teams()).extracting(MatchProposal.Team::playerIds).containsExactlyInAnyOrder(
                    duo.members().stream().map(QueuedPlayer::playerId).toList(),
                    List.of(player(s1), player(s2)));
            assertThat(p.teams()).extracting(MatchProposal.Team::averageRating).containsOnly(1500.0);
            assertThat(p.ticketIds()).containsExactly(duo.id(), s1.id(), s2.id());
        }

        @Test
        void soloTicketsAreSplitIntoTheMostEvenTeams() {
            Ticket a = solo(DUO, 1400, 0);
            Ticket b = solo(DUO, 1450, 0);
            Ticket c = solo(DUO, 1550, 0);
            Ticket d = solo(DUO, 1600, 0);
            List.of(a, b, c, d).forEach(pool::add);
            // every window is 400 by now, so all four are compatible
            MatchProposal p = pool.process(at(60)).getFirst();
            assertThat(p.teamImbalance()).isZero();
            assertThat(p.teams()).extracting(MatchProposal.Team::playerIds).containsExactlyInAnyOrder(
                    List.of(player(a), player(d)), List.of(player(b), player(c)));
            assertThat(p.ratingSpread()).isEqualTo(200);
        }

        @Test
        void twoPartiesFaceEachOtherAndAreNeverSplit() {
            Ticket p1 = party(DUO, "eu", 0, 1300, 1700);
            Ticket p2 = party(DUO, "eu", 0, 1500, 1510);
            Ticket s1 = solo(DUO, 1490, 0);
            pool.add(p1);
            pool.add(p2);
            pool.add(s1);
            MatchProposal p = pool.process(at(60)).getFirst();
            assertThat(p.ticketIds()).containsExactlyInAnyOrder(p1.id(), p2.id());
            assertThat(p.teams()).extracting(MatchProposal.Team::playerIds).containsExactlyInAnyOrder(
                    p1.members().stream().map(QueuedPlayer::playerId).toList(),
                    p2.members().stream().map(QueuedPlayer::playerId).toList());
        }

        @Test
        void threeSolosAndAPartyOfTwoMakeOneMatchWithoutSplittingTheParty() {
            pool.add(solo(DUO, 1500, 0));
            pool.add(solo(DUO, 1500, 0));
            pool.add(solo(DUO, 1500, 0));
            pool.add(party(DUO, "eu", 0, 1500, 1500));
            // 5 players for 4 slots: each solo's greedy pick (two more solos) leaves no room for the party,
            // so the party's own turn as anchor forms the match: party versus two solos, one solo waits
            List<MatchProposal> made = pool.process(at(0));
            assertThat(made).singleElement().satisfies(p -> {
                assertThat(p.playerIds()).hasSize(4);
                assertThat(p.teams()).extracting(t -> t.playerIds().size()).containsExactly(2, 2);
            });
            assertThat(pool.playersWaiting(DUO)).isEqualTo(1);
        }

        @Test
        void aPartyBiggerThanATeamIsRefused() {
            assertThatThrownBy(() -> pool.add(party(DUO, "eu", 0, 1500, 1500, 1500)))
                    .isInstanceOfSatisfying(TicketRejectedException.PartyTooLarge.class,
                            e -> assertThat(e.partySize()).isEqualTo(3));
            assertThatThrownBy(() -> pool.add(party(DUEL, "eu", 0, 1500, 1500)))
                    .isInstanceOf(TicketRejectedException.PartyTooLarge.class);
        }

        @Test
        void freeForAllPutsEachPlayerInATeamOfOne() {
            for (int i = 0; i < 5; i++) {
                pool.add(solo("ffa4", 1500 + i * 10, i));
            }
            MatchProposal p = pool.process(at(5)).getFirst();
            assertThat(p.teams()).hasSize(4).allSatisfy(t -> assertThat(t.playerIds()).hasSize(1));
            assertThat(pool.queueLength("ffa4")).isEqualTo(1);
        }
    }

    @Nested
    class Admission {
        @Test
        void aSecondTicketForTheSamePlayerInTheSameModeIsRefused() {
            Ticket first = solo(DUEL, 1500, 0);
            pool.add(first);
            Ticket again = Ticket.solo(TicketId.random(), DUEL, first.members().getFirst(), "us", at(1));
            assertThatThrownBy(() -> pool.add(again))
                    .isInstanceOfSatisfying(TicketRejectedException.PlayerAlreadyQueued.class, e -> {
                        assertThat(e.playerId()).isEqualTo(player(first));
                        assertThat(e.existing()).isEqualTo(first.id());
                    });
            assertThat(pool.queueLength(DUEL)).isEqualTo(1);
        }

        @Test
        void aPartyMemberCannotAlsoQueueAlone() {
            Ticket duo = party(DUO, "eu", 0, 1500, 1500);
            pool.add(duo);
            Ticket alone = Ticket.solo(TicketId.random(), DUO, duo.members().get(1), "eu", at(1));
            assertThatThrownBy(() -> pool.add(alone)).isInstanceOf(TicketRejectedException.PlayerAlreadyQueued.class);
        }

        @Test
        void theSamePlayerMayWaitInAnotherMode() {
            Ticket duel = solo(DUEL, 1500, 0);
            pool.add(duel);
            pool.add(Ticket.solo(TicketId.random(), DUO, duel.members().getFirst(), "eu", at(0)));
            assertThat(pool.queueLength(DUO)).isEqualTo(1);
        }

        @Test
        void aPlayerMayQueueAgainOnceTheirTicketIsCancelledOrMatched() {
            Ticket first = solo(DUEL, 1500, 0);
            pool.add(first);
            pool.cancel(first.id());
            Ticket second = Ticket.solo(TicketId.random(), DUEL, first.members().getFirst(), "eu", at(1));
            pool.add(second);
            pool.add(solo(DUEL, 1500, 1));
            assertThat(pool.process(at(1))).hasSize(1);
            pool.add(Ticket.solo(TicketId.random(), DUEL, first.members().getFirst(), "eu", at(2)));
            assertThat(pool.queueLength(DUEL)).isEqualTo(1);
        }

        @Test
        void aTicketIdIsUsedOnce() {
            Ticket t = solo(DUEL, 1500, 0);
            pool.add(t);
            Ticket sameId = Ticket.solo(t.id(), DUEL, TestTickets.member(1500), "eu", at(0));
            assertThatThrownBy(() -> pool.add(sameId)).isInstanceOf(TicketRejectedException.DuplicateTicketId.class);
            pool.cancel(t.id());
            assertThatThrownBy(() -> pool.add(sameId)).isInstanceOf(TicketRejectedException.DuplicateTicketId.class);
        }

        @Test
        void anUnknownModeIsRefused() {
            assertThatThrownBy(() -> pool.add(solo("chess", 1500, 0)))
                    .isInstanceOfSatisfying(TicketRejectedException.UnknownMode.class,
                            e -> assertThat(e.mode()).isEqualTo("chess"));
        }
    }

    @Nested
    class Cancelling {
        @Test
        void cancelTakesAWaitingTicketOutAndIsIdempotent() {
            Ticket t = solo(DUEL, 1500, 0);
            pool.add(t);
            assertThat(pool.cancel(t.id())).isEqualTo(new CancelOutcome.Cancelled(t));
            assertThat(pool.cancel(t.id())).isEqualTo(new CancelOutcome.AlreadyCancelled(t.id()));
            assertThat(pool.queueLength(DUEL)).isZero();
            pool.add(solo(DUEL, 1500, 0));
            assertThat(pool.process(at(60))).isEmpty();
        }

        @Test
        void cancelAfterAProposalTookTheTicketReportsThatProposal() {
            Ticket a = solo(DUEL, 1500, 0);
            Ticket b = solo(DUEL, 1510, 0);
            pool.add(a);
            pool.add(b);
            MatchProposal p = pool.process(at(1)).getFirst();
            assertThat(pool.cancel(a.id())).isEqualTo(new CancelOutcome.AlreadyMatched(a.id(), p));
            assertThat(pool.cancel(a.id())).isEqualTo(new CancelOutcome.AlreadyMatched(a.id(), p));
            assertThat(pool.queueLength(DUEL)).isZero();
        }

        @Test
        void aCancelledTicketIsNeverMatched() {
            Ticket a = solo(DUEL, 1500, 0);
            pool.add(a);
            pool.add(solo(DUEL, 1500, 0));
            pool.cancel(a.id());
            assertThat(pool.process(at(1))).isEmpty();
        }

        @Test
        void outcomesAreForgottenAfterTheRetention() {
            TicketPool shortMemory = new TicketPool(List.of(QueueConfig.oneVsOne(DUEL, WINDOW)), Duration.ofSeconds(30));
            Ticket a = solo(DUEL, 1500, 0);
            shortMemory.add(a);
            shortMemory.add(solo(DUEL, 1500, 0));
            shortMemory.process(at(1));
            shortMemory.process(at(30));
            assertThat(shortMemory.cancel(a.id())).isInstanceOf(CancelOutcome.AlreadyMatched.class);
            shortMemory.process(at(31.5));
            assertThat(shortMemory.cancel(a.id())).isEqualTo(new CancelOutcome.Unknown(a.id()));
        }

        @Test
        void anUnknownTicketIsReportedAsSuch() {
            TicketId never = TicketId.random();
            assertThat(pool.cancel(never)).isEqualTo(new CancelOutcome.Unknown(never));
        }
    }

    @Nested
    class Fairness {
        @Test
        void theOldestTicketIsServedFirstEvenWhenAYoungerOneIsCloser() {
            Ticket oldest = solo(DUEL, 1400, 0);
            Ticket closer = solo(DUEL, 1590, 1);
            Ticket contested = solo(DUEL, 1500, 2);
            pool.add(contested); // arrival order into the pool must not matter, createdAt does
            pool.add(closer);
            pool.add(oldest);
            // at t=7 windows are 120, 110 and 100: contested is compatible with both, they are not with each other
            assertThat(pool.process(at(7))).singleElement()
                    .satisfies(p -> assertThat(p.ticketIds()).containsExactly(oldest.id(), contested.id()));
            assertThat(pool.waiting(DUEL)).containsExactly(closer);
        }

        @Test
        void proposalsComeOutInTheOrderTheirOldestTicketArrived() {
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tickets.add(solo(DUEL, 1500, i));
            }
            tickets.reversed().forEach(pool::add);
            List<MatchProposal> made = pool.process(at(6));
            assertThat(made).extracting(MatchProposal::ticketIds).containsExactly(
                    List.of(tickets.get(0).id(), tickets.get(1).id()),
                    List.of(tickets.get(2).id(), tickets.get(3).id()),
                    List.of(tickets.get(4).id(), tickets.get(5).id()));
        }

        @Test
        void anOutlierIsMatchedOnceBothWindowsReachTheGap() {
            Ticket outlier = solo(DUEL, 2350, 0);
            Ticket partner = solo(DUEL, 1960, 0);
            pool.add(outlier);
            pool.add(partner);
            // gap 390 <= max 400: reached after 34 s of waiting
            List<MatchProposal> made = List.of();
            double t = 0;
            while (made.isEmpty() && t < 3600) {
                t += 0.25;
                made = pool.process(at(t));
            }
            assertThat(made).hasSize(1);
            assertThat(t).isEqualTo(34);
        }

        @Test
        void aPlayerWaitingInTwoModesIsProposedOnlyOneMatchPerStep() {
            Ticket both = solo(DUEL, 1500, 0);
            pool.add(both);
            pool.add(Ticket.solo(TicketId.random(), "ffa4", both.members().getFirst(), "eu", at(0)));
            pool.add(solo(DUEL, 1500, 0));
            for (int i = 0; i < 3; i++) {
                pool.add(solo("ffa4", 1500, 0));
            }
            List<MatchProposal> made = pool.process(at(1));
            assertThat(made).hasSize(1);
            assertThat(made.getFirst().mode()).isEqualTo(DUEL);
            assertThat(pool.queueLength("ffa4")).isEqualTo(4);
        }
    }

    @Test
    void findAndStatisticsAccessors() {
        Ticket t = solo(DUEL, 1500, 0);
        pool.add(t);
        pool.add(party(DUO, "eu", 3, 1500, 1500));
        assertThat(pool.find(t.id())).contains(t);
        assertThat(pool.playersWaiting(DUO)).isEqualTo(2);
        assertThat(pool.queueLength(DUO)).isEqualTo(1);
        assertThat(pool.oldestWait(DUEL, at(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(pool.modes()).containsExactly(DUEL, DUO, "ffa4");
    }
}
