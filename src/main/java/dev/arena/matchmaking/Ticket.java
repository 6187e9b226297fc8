package dev.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A request to be matched in one mode: one player, or a party of several who must share a team.
 *
 * @param properties string properties of the request; {@value #REGION} is always present. Which of them
 *                   must be equal between matched tickets is decided per mode by {@link QueueConfig#hardConstraints()}.
 * @param createdAt  when the player asked to queue; waiting time, and so the rating window, counts from here
 */
public record Ticket(
        TicketId id,
        String mode,
        List<QueuedPlayer> members,
        Optional<PartyId> partyId,
        Map<String, String> properties,
        Instant createdAt) {

    public static final String REGION = "region";

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (mode.isBlank()) {
            throw new IllegalArgumentException("mode must not be blank");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a ticket needs at least one member");
        }
        // Without a party id, nothing upstream ties several players' consent to queue together.
        if (members.size() > 1 && partyId.isEmpty()) {
            throw new IllegalArgumentException("a ticket with " + members.size() + " members needs a party id");
        }
        Set<UUID> seen = new HashSet<>();
        for (QueuedPlayer m : members) {
            if (!seen.add(m.playerId())) {
                throw new IllegalArgumentException("player " + m.playerId() + " appears twice on one ticket");
            }
        }
        properties = Map.copyOf(properties);
        String region = properties.get(REGION);
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("property '" + REGION + "' is required");
        }
    }

    /** A one-player ticket with only a region. */
    public static Ticket solo(TicketId id, String mode, QueuedPlayer member, String region, Instant createdAt) {
        return new Ticket(id, mode, List.of(member), Optional.empty(), Map.of(REGION, region), createdAt);
    }

    /** A party ticket with only a region. */
    public static Ticket party(TicketId id, String mode, PartyId party, List<QueuedPlayer> members, String region,
                               Instant createdAt) {
        return new Ticket(id, mode, members, Optional.of(party), Map.of(REGION, region), createdAt);
    }

    public int size() {
        return members.size();
    }

    public String region() {
        return properties.get(REGION);
    }

    /**
     * The rating the ticket is matched on: the members' mean. A party's coordination advantage is not
     * modelled yet (see docs/MATCHMAKING.md).
     */
    public double rating() {
        double sum = 0;
        for (QueuedPlayer m : members) {
            sum += m.rating();
        }
        return sum / members.size();
    }

    /** Time waited at {@code now}; zero if the clock reads earlier than {@link #createdAt()}. */
    public Duration waitAt(Instant now) {
        Duration d = Duration.between(createdAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
