package dev.arena.matchmaking;

import static dev.arena.matchmaking.TestTickets.T0;
import static dev.arena.matchmaking.TestTickets.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {

    @Test
    void copiesItsCollectionsSoLaterChangesByTheCallerDoNotLeakIn() {
        Map<String, String> props = new HashMap<>(Map.of("region", "eu"));
        Ticket t = new Ticket(TicketId.random(), "arena_battle", List.of(member(1500)), Optional.empty(), props, T0);
        props.put("region", "us");
        assertThat(t.region()).isEqualTo("eu");
    }

    @Test
    void requiresARegion() {
        assertThatThrownBy(() -> new Ticket(TicketId.random(), "arena_battle", List.of(member(1500)),
                Optional.empty(), Map.of("map", "x"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> Ticket.solo(TicketId.random(), "arena_battle", member(1500), " ", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalMembersNeedAPartyId() {
        assertThatThrownBy(() -> new Ticket(TicketId.random(), "m", List.of(member(1), member(2)),
                Optional.empty(), Map.of("region", "eu"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("party id");
    }

    @Test
    void refusesEmptyTicketsAndAPlayerTwiceOnOneTicket() {
        assertThatThrownBy(() -> Ticket.party(TicketId.random(), "m", PartyId.random(), List.of(), "eu", T0))
                .isInstanceOf(IllegalArgumentException.class);
        UUID p = UUID.randomUUID();
        assertThatThrownBy(() -> Ticket.party(TicketId.random(), "m", PartyId.random(),
                List.of(new QueuedPlayer(p, 1500, 50), new QueuedPlayer(p, 1500, 50)), "eu", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void membersNeedFiniteRatingsAndPositiveDeviation() {
        assertThatThrownBy(() -> new QueuedPlayer(UUID.randomUUID(), Double.NaN, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueuedPlayer(UUID.randomUUID(), 1500, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartyIsMatchedOnItsMeanRating() {
        Ticket t = TestTickets.party("m", "eu", 0, 1400, 1600, 1800);
        assertThat(t.rating()).isEqualTo(1600);
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void waitIsNeverNegative() {
        Ticket t = TestTickets.solo("m", 1500, 10);
        assertThat(t.waitAt(TestTickets.at(5))).isEqualTo(Duration.ZERO);
        assertThat(t.waitAt(TestTickets.at(12.5))).isEqualTo(Duration.ofMillis(2500));
    }
}
