package dev.arena.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Synthetic players for the start-up warm-up ({@code app.StartWarmup}): each gets a random player id, a random
 * session id and a signed access token, so the warm-up's sockets go through the same upgrade and authentication as
 * a player's.
 *
 * <p><b>Why they leave no trace and are never accepted afterwards</b>: nothing is written anywhere but this node's
 * {@link SessionCache}. A token is accepted only while its session is in that cache, because on a miss the session
 * is looked up in the database, which never had it (the ids are fresh random UUIDs), and the token is refused.
 * {@link #close()} drops every entry, so from then on each token is refused. Should close never run, the entries
 * expire with the cache's own trust limit ({@link SessionCache#TTL}) and the tokens with their short lifetime. The
 * tokens never leave the process: the warm-up sends them over loopback to the node's own port.
 */
public final class WarmupPass implements AutoCloseable {
    /** One synthetic player: who it is and the token its socket opens with. */
    public record Synthetic(UUID playerId, UUID sessionId, String token) {}

    private final SessionCache sessions;
    private final List<Synthetic> players;
    private boolean closed;

    WarmupPass(SessionCache sessions, TokenService tokens, int count, Duration lifetime, Clock clock) {
        this.sessions = sessions;
        List<Synthetic> made = new ArrayList<>(count);
        Instant expires = clock.instant().plus(lifetime);
        for (int i = 0; i < count; i++) {
            UUID player = UUID.randomUUID();
            UUID session = UUID.randomUUID();
            sessions.putSynthetic(session, new SessionCache.Entry(player, Role.PLAYER, "warmup-" + i, expires,
                    clock.millis()));
            made.add(new Synthetic(player, session, tokens.issue(player, session, lifetime)));
        }
        this.players = List.copyOf(made);
    }

    public List<Synthetic> players() {
        return players;
    }

    /** Ends every synthetic session: their tokens are refused from now on. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Synthetic s : players) {
            sessions.dropSynthetic(s.sessionId());
        }
    }
}
