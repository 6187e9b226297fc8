package dev.arena.matchmaking.service;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.PartyId;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Party actions ({@code /parties}): each reads the party, applies the {@link Party} transition and writes it back
 * over the version it read (retried a few times when another change came first), then pushes {@code party.updated}
 * to everyone concerned (old and new members, the invitee) and {@code party.invited} to an invitee. A change of
 * membership cancels the party's waiting ticket: it was queued for other players.
 */
public final class PartyService {
    /** Attempts of one change against concurrent changes of the same party before giving up with 409. */
    private static final int ATTEMPTS = 5;
    static final String PARTY_CHANGED = "party_changed";

    private final PartyStore store;
    private final TicketStore tickets;
    private final PlayerPush push;
    private final Clock clock;

    public PartyService(PartyStore store, TicketStore tickets, PlayerPush push, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.push = push;
        this.clock = clock;
    }

    public static ArenaException alreadyInParty(UUID player, PartyId party) {
        return new ArenaException.Conflict("player " + player + " is already in party " + party + "; leave it first");
    }

    public Future<Party> create(UUID caller) {
        Party p = Party.create(PartyId.random(), caller, clock.instant());
        return store.create(p).map(p).compose(created -> announce(null, created, "created", caller).map(created));
    }

    /** The party, for its members and invitees; unknown to anyone else. */
    public Future<Party> get(UUID caller, PartyId id) {
        return require(id).map(p -> {
            if (!p.visibleTo(caller)) {
                throw notFound(id);
            }
            return p;
        });
    }

    /** The party the caller is a member of. */
    public Future<Optional<Party>> mine(UUID caller) {
        return store.partyOf(caller).compose(id -> id.isEmpty() ? Future.succeededFuture(Optional.empty())
                : store.find(id.get()));
    }

    public Future<Party> invite(UUID caller, PartyId id, UUID who) {
        if (who.equals(caller)) {
            return Future.failedFuture(new ArenaException.Invalid("player_id", "you cannot invite yourself"));
        }
        return change(caller, id, p -> p.invite(caller, who), "invited", who).compose(p -> push
                .push(who, Frames.party("party.invited", "invited", caller, PartyView.of(p))).map(p));
    }

    public Future<Party> accept(UUID caller, PartyId id) {
        return store.partyOf(caller).compose(current -> {
            if (current.isPresent() && !current.get().equals(id)) {
                return Future.failedFuture(alreadyInParty(caller, current.get()));
            }
            return change(caller, id, p -> p.accept(caller), "joined", caller);
        });
    }

    public Future<Party> decline(UUID caller, PartyId id) {
        return change(caller, id, p -> p.decline(caller), "declined", caller);
    }

    /** Completes with the party as it is after the caller left (null when disbanded). */
    public Future<Party> leave(UUID caller, PartyId id) {
        return change(caller, id, p -> p.leave(caller), "left", caller);
    }

    public Future<Party> kick(UUID caller, PartyId id, UUID who) {
        return change(caller, id, p -> p.kick(caller, who), "kicked", who);
    }

    public Future<Party> promote(UUID caller, PartyId id, UUID who) {
        return change(caller, id, p -> p.promote(caller, who), "promoted", who);
    }

    private Future<Party> change(UUID caller, PartyId id, UnaryOperator<Party> transition, String event, UUID subject) {
        return attempt(caller, id, transition, event, subject, 1);
    }

    private Future<Party> attempt(UUID caller, PartyId id, UnaryOperator<Party> transition, String event,
                                  UUID subject, int n) {
        return require(id).compose(current -> {
            if (!current.visibleTo(caller)) {
                throw notFound(id);
            }
            Party next = transition.apply(current);
            return store.replace(current, next).compose(done -> {
                if (done) {
                    return afterChange(current, next, event, subject).map(next);
                }
                if (n >= ATTEMPTS) {
                    return Future.failedFuture(new ArenaException.Conflict("party " + id
                            + " is changing too often; try again"));
                }
                return attempt(caller, id, transition, event, subject, n + 1);
            });
        });
    }

    private Future<Void> afterChange(Party before, Party after, String event, UUID subject) {
        boolean membership = after == null || !after.members().equals(before.members());
        Future<Void> cancelled = membership ? cancelPartyTickets(before) : Future.succeededFuture();
        return cancelled.compose(v -> announce(before, after, event, subject));
    }

    /** The party's waiting ticket was queued for the old members: cancel it and tell them. */
    private Future<Void> cancelPartyTickets(Party before) {
        return tickets.waitingOf(before.leader()).compose(waiting -> Future.join(waiting.stream()
                .filter(t -> t.ticket().partyId().equals(Optional.of(before.id())))
                .map(t -> tickets.cancel(t.ticket().id(), PARTY_CHANGED).compose(r -> r.isEmpty()
                        ? Future.succeededFuture()
                        : Future.join(r.get().players().stream().map(p -> push.push(p, Frames.ticket(r.get())))
                        .toList()).mapEmpty()))
                .toList())).mapEmpty();
    }

    private Future<Void> announce(Party before, Party after, String event, UUID subject) {
        Set<UUID> to = new LinkedHashSet<>();
        for (Party p : new Party[] {before, after}) {
            if (p != null) {
                to.addAll(p.members());
                to.addAll(p.invited());
            }
        }
        Party shown = after != null ? after : before;
        // a disbanded party is shown as it was, with no members
        PartyView view = after != null ? PartyView.of(after)
                : new PartyView(shown.id().value(), shown.leader(), List.of(), List.of(), shown.version() + 1,
                shown.createdAt());
        String frame = Frames.party("party.updated", after == null ? "disbanded" : event, subject, view);
        return Future.join(to.stream().map(p -> push.push(p, frame)).toList()).mapEmpty();
    }

    private Future<Party> require(PartyId id) {
        return store.find(id).map(p -> p.orElseThrow(() -> notFound(id)));
    }

    private static ArenaException notFound(PartyId id) {
        return new ArenaException.NotFound("no party " + id);
    }
}
