package dev.arena.match;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The lobby rules of a hosted game ({@code POST /games/create}; its creator is the first host), kept apart from
 * {@link MatchLoop} so the loop stays readable. Owner-only, like the loop's other state: the loop calls it from
 * its tick, so a ready, a start and a kick are decided in arrival order with the joins and leaves.
 *
 * <ul>
 *   <li>The game starts when at least the game's minimum is seated and every seated player is ready, or when the
 *       host starts it (at least the minimum; every other player ready unless forced). The loop's lobby timeout
 *       does not apply: a lobby waits for its people, and ends by the empty rule when they all go.</li>
 *   <li>The host may kick a seated player before the start; the kicked player cannot join this game again.</li>
 *   <li>When the host leaves before the start, the longest-seated player becomes host (the loop's seats are in
 *       join order); when nobody is left, the next player to join becomes host.</li>
 * </ul>
 *
 * None of this changes the rules' state except through the loop's join, leave (reason {@code kicked}) and start,
 * which are logged as usual; readiness and the host are the loop's own and appear in the log only as events, so
 * {@link Replay} stays deterministic.
 */
final class HostControls {
    private PlayerId host;
    private final Set<PlayerId> ready = new HashSet<>();
    private final Set<PlayerId> kicked = new HashSet<>();

    HostControls(PlayerId host) {
        this.host = host;
    }

    PlayerId host() {
        return host;
    }

    boolean ready(PlayerId p) {
        return ready.contains(p);
    }

    boolean kicked(PlayerId p) {
        return kicked.contains(p);
    }

    /** Sets the player's readiness; true when it changed. The caller has checked the player is seated. */
    boolean setReady(PlayerId p, boolean value) {
        return value ? ready.add(p) : ready.remove(p);
    }

    /** A player took a seat: returns them when they become host (nobody was), else null. */
    PlayerId seated(PlayerId p) {
        if (host == null) {
            host = p;
            return p;
        }
        return null;
    }

    /**
     * A player left (or was kicked): forgets their readiness; when they were the host, the first of
     * {@code remaining} (the longest seated) takes over. Returns the new host, or null when the host is unchanged.
     */
    PlayerId left(PlayerId p, Collection<PlayerId> remaining) {
        ready.remove(p);
        if (!p.equals(host)) {
            return null;
        }
        host = remaining.isEmpty() ? null : remaining.iterator().next();
        return host;
    }

    /** Checks a kick of {@code target} by {@code by}; null when allowed, else the error to answer. */
    ArenaException checkKick(PlayerId by, PlayerId target, boolean waiting, Collection<PlayerId> seated) {
        if (!by.equals(host)) {
            return new ArenaException.Forbidden("only the host can kick players");
        }
        if (!waiting) {
            return new ArenaException.Rejected(MatchCodes.ALREADY_STARTED, "players can be kicked only before the start");
        }
        if (by.equals(target)) {
            return new ArenaException.Rejected("cannot_kick_self", "the host cannot kick themselves; leave instead");
        }
        if (!seated.contains(target)) {
            return new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "player " + target + " is not seated");
        }
        return null;
    }

    void kicked(PlayerId target, Collection<PlayerId> remaining) {
        kicked.add(target);
        left(target, remaining);
    }

    /** Checks a start requested by {@code by}; null when the game may start now, else the error to answer. */
    ArenaException checkStart(PlayerId by, boolean force, boolean waiting, Collection<PlayerId> seated, int min) {
        if (!by.equals(host)) {
            return new ArenaException.Forbidden("only the host can start the game");
        }
        if (!waiting) {
            return new ArenaException.Rejected(MatchCodes.ALREADY_STARTED, "the game has started");
        }
        if (seated.size() < min) {
            return new ArenaException.Rejected(MatchCodes.NOT_ENOUGH_PLAYERS,
                    seated.size() + " seated; the game needs at least " + min);
        }
        if (!force) {
            // the host asking to start is the host's own ready
            long notReady = seated.stream().filter(p -> !p.equals(host) && !ready.contains(p)).count();
            if (notReady > 0) {
                return new ArenaException.Rejected(MatchCodes.PLAYERS_NOT_READY,
                        notReady + " player(s) not ready; wait, or start with force");
            }
        }
        return null;
    }

    /** The ready check: at least the minimum seated and every one of them ready. */
    boolean everyoneReady(Collection<PlayerId> seated, int min) {
        return seated.size() >= min && ready.containsAll(seated);
    }
}
