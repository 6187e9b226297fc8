package dev.arena.matchmaking.service;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.PartyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A party: players who queue together as one ticket and are always put on one team. An immutable value; every
 * change returns the next version (the stores replace a party only over the version it was read at, so two
 * concurrent changes cannot both apply). Only the leader invites, kicks, promotes and queues the party.
 *
 * @param members in joining order, the leader included; when the leader leaves, the longest-standing member leads
 * @param invited players invited and not yet answered
 */
public record Party(PartyId id, UUID leader, List<UUID> members, List<UUID> invited, long version,
                    Instant createdAt) {
    /** Members and open invitations together; a party larger than a team cannot queue for that mode anyway. */
    public static final int MAX_SIZE = 8;

    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leader, "leader");
        members = List.copyOf(members);
        invited = List.copyOf(invited);
        if (!members.contains(leader)) {
            throw new IllegalArgumentException("the leader must be a member");
        }
    }

    public static Party create(PartyId id, UUID leader, Instant now) {
        return new Party(id, leader, List.of(leader), List.of(), 1, now);
    }

    public boolean isMember(UUID player) {
        return members.contains(player);
    }

    /** Members and invitees may see the party. */
    public boolean visibleTo(UUID player) {
        return members.contains(player) || invited.contains(player);
    }

    public Party invite(UUID by, UUID who) {
        requireLeader(by, "invite");
        if (members.contains(who)) {
            throw new ArenaException.Conflict("player " + who + " is already a member");
        }
        if (invited.contains(who)) {
            throw new ArenaException.Conflict("player " + who + " is already invited");
        }
        requireRoom();
        return next(leader, members, plus(invited, who));
    }

    public Party accept(UUID who) {
        requireInvited(who);
        return next(leader, plus(members, who), minus(invited, who));
    }

    public Party decline(UUID who) {
        requireInvited(who);
        return next(leader, members, minus(invited, who));
    }

    /** The party without {@code who}; null when nobody is left (the party is disbanded). */
    public Party leave(UUID who) {
        if (!members.contains(who)) {
            throw new ArenaException.Forbidden("not a member of party " + id);
        }
        List<UUID> rest = minus(members, who);
        if (rest.isEmpty()) {
            return null;
        }
        return next(who.equals(leader) ? rest.getFirst() : leader, rest, invited);
    }

    /** Removes a member, or withdraws an invitation. */
    public Party kick(UUID by, UUID who) {
        requireLeader(by, "kick");
        if (who.equals(by)) {
            throw new ArenaException.Invalid("player_id", "the leader cannot kick themselves; leave instead");
        }
        if (invited.contains(who)) {
            return next(leader, members, minus(invited, who));
        }
        if (!members.contains(who)) {
            throw new ArenaException.NotFound("player " + who + " is not in party " + id);
        }
        return next(leader, minus(members, who), invited);
    }

    public Party promote(UUID by, UUID who) {
        requireLeader(by, "promote");
        if (!members.contains(who)) {
            throw new ArenaException.NotFound("player " + who + " is not in party " + id);
        }
        return next(who, members, invited);
    }

    private void requireLeader(UUID by, String what) {
        if (!members.contains(by)) {
            throw new ArenaException.Forbidden("not a member of party " + id);
        }
        if (!by.equals(leader)) {
            throw new ArenaException.Forbidden("only the party leader may " + what);
        }
    }

    private void requireInvited(UUID who) {
        if (!invited.contains(who)) {
            throw new ArenaException.Forbidden("no open invitation to party " + id);
        }
    }

    private void requireRoom() {
        if (members.size() + invited.size() >= MAX_SIZE) {
            throw new ArenaException.Rejected("party_full", "a party holds at most " + MAX_SIZE
                    + " members and invitations");
        }
    }

    private Party next(UUID newLeader, List<UUID> newMembers, List<UUID> newInvited) {
        return new Party(id, newLeader, newMembers, newInvited, version + 1, createdAt);
    }

    private static List<UUID> plus(List<UUID> list, UUID p) {
        List<UUID> out = new ArrayList<>(list);
        out.add(p);
        return out;
    }

    private static List<UUID> minus(List<UUID> list, UUID p) {
        List<UUID> out = new ArrayList<>(list);
        out.remove(p);
        return out;
    }
}
