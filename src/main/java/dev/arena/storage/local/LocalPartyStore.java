package dev.arena.storage.local;

import dev.arena.matchmaking.service.Party;
import dev.arena.matchmaking.service.PartyService;
import dev.arena.matchmaking.service.PartyStore;

import dev.arena.matchmaking.PartyId;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The single-node {@link PartyStore}: two maps behind one lock. */
public final class LocalPartyStore implements PartyStore {
    private final Map<PartyId, Party> parties = new HashMap<>();
    private final Map<UUID, PartyId> partyOf = new HashMap<>();

    @Override
    public synchronized Future<Void> create(Party party) {
        PartyId existing = partyOf.get(party.leader());
        if (existing != null) {
            return Future.failedFuture(PartyService.alreadyInParty(party.leader(), existing));
        }
        parties.put(party.id(), party);
        partyOf.put(party.leader(), party.id());
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<Party>> find(PartyId id) {
        return Future.succeededFuture(Optional.ofNullable(parties.get(id)));
    }

    @Override
    public synchronized Future<Optional<PartyId>> partyOf(UUID player) {
        return Future.succeededFuture(Optional.ofNullable(partyOf.get(player)));
    }

    @Override
    public synchronized Future<Boolean> replace(Party current, Party next) {
        Party stored = parties.get(current.id());
        if (stored == null || stored.version() != current.version()) {
            return Future.succeededFuture(false);
        }
        if (next != null) {
            for (UUID m : next.members()) {
                PartyId other = partyOf.get(m);
                if (other != null && !other.equals(current.id())) {
                    return Future.failedFuture(PartyService.alreadyInParty(m, other));
                }
            }
        }
        for (UUID m : stored.members()) {
            partyOf.remove(m, current.id());
        }
        if (next == null) {
            parties.remove(current.id());
        } else {
            parties.put(next.id(), next);
            next.members().forEach(m -> partyOf.put(m, next.id()));
        }
        return Future.succeededFuture(true);
    }
}
