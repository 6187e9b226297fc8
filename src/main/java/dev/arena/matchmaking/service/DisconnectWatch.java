package dev.arena.matchmaking.service;

import dev.arena.presence.SessionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices players whose last gateway socket on this node closed, and names them once their grace period has run
 * out without a new socket, so their tickets are cancelled (a player who walked away must not be matched into a
 * game nobody plays). Driven by the injected clock: {@link #due} is called from the matchmaking step.
 *
 * <p>Counted per node: a player who reconnects on another node within the grace is still seen as gone here
 * (docs/MATCHMAKING.md).
 */
public final class DisconnectWatch implements SessionListener {
    private final Clock clock;
    private final Duration grace;
    private final Map<UUID, Integer> sockets = new ConcurrentHashMap<>();
    /** Players without a socket here, with when their grace ends. Emptied by {@link #due}. */
    private final Map<UUID, Instant> away = new ConcurrentHashMap<>();

    public DisconnectWatch(Clock clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public void opened(UUID player) {
        sockets.merge(player, 1, Integer::sum);
        away.remove(player);
    }

    @Override
    public void closed(UUID player) {
        Integer left = sockets.computeIfPresent(player, (p, n) -> n <= 1 ? null : n - 1);
        if (left == null) {
            away.put(player, clock.instant().plus(grace));
        }
    }

    /** The players whose grace ended by {@code now}; each is named once. */
    public List<UUID> due(Instant now) {
        List<UUID> out = new ArrayList<>();
        away.forEach((p, deadline) -> {
            if (!deadline.isAfter(now) && away.remove(p, deadline)) {
                out.add(p);
            }
        });
        return out;
    }
}
