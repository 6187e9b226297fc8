package dev.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds tickets on a simulated timeline starting at {@link #T0}; ids are fresh random UUIDs. */
final class TestTickets {
    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private TestTickets() {}

    static Instant at(double seconds) {
        return T0.plus(Duration.ofNanos((long) (seconds * 1e9)));
    }

    static QueuedPlayer member(double rating) {
        return new QueuedPlayer(UUID.randomUUID(), rating, 80);
    }

    static Ticket solo(String mode, double rating, String region, double createdSeconds) {
        return Ticket.solo(TicketId.random(), mode, member(rating), region, at(createdSeconds));
    }

    static Ticket solo(String mode, double rating, double createdSeconds) {
        return solo(mode, rating, "eu", createdSeconds);
    }

    static Ticket party(String mode, String region, double createdSeconds, double... ratings) {
        List<QueuedPlayer> members = new ArrayList<>();
        for (double r : ratings) {
            members.add(member(r));
        }
        return Ticket.party(TicketId.random(), mode, PartyId.random(), members, region, at(createdSeconds));
    }
}
