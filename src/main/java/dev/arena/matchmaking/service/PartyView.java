package dev.arena.matchmaking.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arena.common.Json;
import dev.arena.matchmaking.PartyId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party on the wire ({@code /parties}, {@code party.*}) and in Redis: one format. */
public record PartyView(UUID partyId, UUID leader, List<UUID> members, List<UUID> invited, long version,
                        Instant createdAt) {

    public static PartyView of(Party p) {
        return new PartyView(p.id().value(), p.leader(), p.members(), p.invited(), p.version(), p.createdAt());
    }

    public Party toParty() {
        return new Party(new PartyId(partyId), leader, members, invited, version, createdAt);
    }

    public static String encode(Party p) {
        return Json.encodeToString(of(p));
    }

    public static Party decode(String json) {
        try {
            return Json.MAPPER.readValue(json, PartyView.class).toParty();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored party: " + e.getOriginalMessage(), e);
        }
    }
}
