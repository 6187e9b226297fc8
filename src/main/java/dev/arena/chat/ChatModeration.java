package dev.arena.chat;

import dev.arena.common.ArenaException;
import dev.arena.identity.AccountStore;
import dev.arena.identity.Principal;
import dev.arena.identity.Revocation;
import dev.arena.identity.Role;
import dev.arena.identity.SessionRevocations;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Mutes and bans, for moderators and admins. A moderator may restrict only players of a lower role (a
 * moderator restricts players, an admin also moderators), so nobody can silence a peer or themselves.
 * Every change is written, then the {@link ModerationCache} reloads that player before the call completes:
 * when a moderator gets the answer, the next post on this node is already judged by the new rule.
 */
public final class ChatModeration {
    private final ChatStore store;
    private final AccountStore accounts;
    private final ModerationCache cache;
    private final Clock clock;
    private final SessionRevocations revocations;

    public ChatModeration(ChatStore store, AccountStore accounts, ModerationCache cache, Clock clock,
                          SessionRevocations revocations) {
        this.store = store;
        this.accounts = accounts;
        this.cache = cache;
        this.clock = clock;
        this.revocations = revocations;
    }

    public Future<Mute> mute(Principal actor, MuteOrder order) {
        Instant now = now();
        return outranked(actor, order.playerId())
                .compose(v -> store.mute(new Mute(order.playerId(), order.room(), now.plus(order.duration()),
                        order.reason(), actor.playerId(), now), now))
                .compose(m -> cache.invalidate(m.playerId()).map(m));
    }

    /** Lifts the player's mutes in {@code room}, or all of them when empty; NotFound when none was in force. */
    public Future<Void> unmute(Principal actor, UUID playerId, Optional<String> room) {
        try {
            actor.require(Role.MODERATOR);
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
        return store.unmute(playerId, room, actor.playerId(), now()).compose(lifted -> lifted == 0
                ? Future.failedFuture(new ArenaException.NotFound("no mute in force for player " + playerId
                        + room.map(r -> " in " + r).orElse("")))
                : cache.invalidate(playerId));
    }

    public Future<Ban> ban(Principal actor, UUID playerId, String reason) {
        var errors = MuteOrder.reasonErrors(reason);
        if (!errors.isEmpty()) {
            return Future.failedFuture(new ArenaException.Invalid(errors));
        }
        Instant now = now();
        return outranked(actor, playerId)
                .compose(v -> store.ban(new Ban(playerId, reason.strip(), actor.playerId(), now)))
                .compose(b -> cache.invalidate(playerId).map(b))
                // the player's open sockets close (4002) on every node; new ones are judged by the ban
                .compose(b -> revocations.revoke(Revocation.player(playerId)).map(b));
    }

    /** Lifts the player's ban; NotFound when there was none. */
    public Future<Void> unban(Principal actor, UUID playerId) {
        try {
            actor.require(Role.MODERATOR);
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
        return store.unban(playerId, actor.playerId(), now()).compose(lifted -> lifted
                ? cache.invalidate(playerId)
                : Future.failedFuture(new ArenaException.NotFound("player " + playerId + " is not banned")));
    }

    /** The player's ban and mutes in force, read from the store (not the cache): what a moderator acts on. */
    public Future<ModerationStatus> status(Principal actor, UUID playerId) {
        try {
            actor.require(Role.MODERATOR);
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
        return accounts.byId(playerId).compose(found -> found.isEmpty()
                ? Future.failedFuture(new ArenaException.NotFound("no player with id " + playerId))
                : store.status(playerId, now()));
    }

    /** Succeeds when the actor is a moderator whose role is above the target's; the target must exist. */
    private Future<Void> outranked(Principal actor, UUID target) {
        try {
            actor.require(Role.MODERATOR);
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
        return accounts.byId(target).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new ArenaException.NotFound("no player with id " + target));
            }
            Role role = found.get().role();
            if (role.atLeast(actor.role())) {
                return Future.failedFuture(new ArenaException.Forbidden("a " + actor.role().wire()
                        + " cannot restrict a " + role.wire() + " (only players of a lower role)"));
            }
            return Future.succeededFuture();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
