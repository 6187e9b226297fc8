package dev.arena.lobby;

import dev.arena.match.MatchId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge rule of the lobby feed, as a pure step over time (lila-ws batches noisy crowd updates the same way),
 * so tests drive it with plain numbers:
 *
 * <ul>
 *   <li>a game's appearance ({@code added}) and disappearance ({@code removed}) are sent at once: they are few
 *       (one each per game) and a stale lobby entry makes players join games that have started;</li>
 *   <li>a change of a listed game is sent at once when its last message is at least {@code interval} old; else it
 *       waits, merged with later changes (only the latest state is kept), until {@code interval} after that last
 *       message. So every game gets <b>at most one update per interval</b>, and the last state always arrives;</li>
 *   <li>a change back to what was last sent is dropped (nothing to tell);</li>
 *   <li>one {@link #flush} sends at most {@code maxPerFlush} waiting updates, the longest waiting first; the rest
 *       wait for the next flush. With the flush period this bounds the update rate of the whole feed.</li>
 * </ul>
 *
 * One instance per list ({@link LobbyMatch open games}, {@link LiveMatch live matches}). Owner-only (the lobby's
 * context); not thread-safe.
 */
final class LobbyUpdates<T extends Listing> {
    private static final class Listed<T> {
        T sent;
        T pending;
        long lastSent;

        Listed(T sent, long lastSent) {
            this.sent = sent;
            this.lastSent = lastSent;
        }
    }

    private final long intervalMillis;
    private final int maxPerFlush;
    private final Map<MatchId, Listed<T>> listed = new LinkedHashMap<>();

    LobbyUpdates(long intervalMillis, int maxPerFlush) {
        if (intervalMillis < 0 || maxPerFlush < 1) {
            throw new IllegalArgumentException("interval must not be negative and maxPerFlush must be positive");
        }
        this.intervalMillis = intervalMillis;
        this.maxPerFlush = maxPerFlush;
    }

    /**
     * The game's listing now ({@code game}, or null when the lobby no longer lists it) at {@code nowMillis}:
     * returns what to send at once (nothing, one added, updated or removed).
     */
    List<LobbyChange> observe(MatchId id, T game, long nowMillis) {
        Listed<T> l = listed.get(id);
        if (game == null) {
            if (l == null) {
                return List.of();
            }
            listed.remove(id);
            return List.of(new LobbyChange.Removed(l.sent));
        }
        if (l == null) {
            listed.put(id, new Listed<>(game, nowMillis));
            return List.of(new LobbyChange.Added(game));
        }
        if (game.equals(l.sent)) {
            l.pending = null;
            return List.of();
        }
        if (nowMillis - l.lastSent >= intervalMillis) {
            l.sent = game;
            l.pending = null;
            l.lastSent = nowMillis;
            return List.of(new LobbyChange.Updated(game));
        }
        l.pending = game;
        return List.of();
    }

    /** The waiting updates that are due at {@code nowMillis} (at most {@code maxPerFlush}). */
    List<LobbyChange> flush(long nowMillis) {
        List<Listed<T>> due = new ArrayList<>();
        for (Listed<T> l : listed.values()) {
            if (l.pending != null && nowMillis - l.lastSent >= intervalMillis) {
                due.add(l);
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        due.sort(Comparator.comparingLong(l -> l.lastSent));
        List<LobbyChange> out = new ArrayList<>(Math.min(due.size(), maxPerFlush));
        for (Listed<T> l : due.subList(0, Math.min(due.size(), maxPerFlush))) {
            l.sent = l.pending;
            l.pending = null;
            l.lastSent = nowMillis;
            out.add(new LobbyChange.Updated(l.sent));
        }
        return out;
    }

    /** Whether some update waits for a flush. */
    boolean pending() {
        for (Listed<T> l : listed.values()) {
            if (l.pending != null) {
                return true;
            }
        }
        return false;
    }

    /** The games as last sent to subscribers, oldest listing first (a new subscriber's starting point). */
    Collection<T> sent() {
        List<T> out = new ArrayList<>(listed.size());
        for (Listed<T> l : listed.values()) {
            out.add(l.sent);
        }
        return out;
    }
}
