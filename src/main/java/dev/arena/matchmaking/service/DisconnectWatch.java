package dev.arena.matchmaking.service;

import dev.arena.presence.SessionListener;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices players whose last gateway socket on this node closed and, once their grace period has run out, names
 * those who have no socket <em>anywhere</em> ({@link PlayerSessions#online}, the cluster's count on a cluster), so
 * their tickets are cancelled (a player who walked away must not be matched into a game nobody plays). A player who
 * reconnected to another node within the grace, or still has a socket there, keeps their tickets; if that socket
 * closes later, that node starts its own grace. Driven by the injected clock: {@link #gone} is called from the
 * matchmaking step.
 */
public final class DisconnectWatch implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(DisconnectWatch.class);

    private final Clock clock;
    private final Duration grace;
    private final PlayerSessions sessions;
    /** Sockets of each player on this node, to know when the last one here closed. */
    private final Map<UUID, Integer> sockets = new ConcurrentHashMap<>();
    /** Players without a socket here, with when their grace ends. Emptied by {@link #gone}. */
    private final Map<UUID, Instant> away = new ConcurrentHashMap<>();

    public DisconnectWatch(Clock clock, Duration grace, PlayerSessions sessions) {
        this.clock = clock;
        this.grace = grace;
        this.sessions = sessions;
    }

    @Override
    public void opened(UUID player) {
        sockets.merge(player, 1, Integer::sum);
        away.remove(player);
        sessions.opened(player).onFailure(e -> log.warn("socket of {} not counted: {}", player, e.toString()));
    }

    @Override
    public void closed(UUID player) {
        Integer left = sockets.computeIfPresent(player, (p, n) -> n <= 1 ? null : n - 1);
        if (left == null) {
            away.put(player, clock.instant().plus(grace));
        }
        sessions.closed(player).onFailure(e -> log.warn("closed socket of {} not counted: {}", player,
                e.toString()));
    }

    /**
     * The players whose grace here ended by {@code now} and who have no socket on any node; each player whose grace
     * ended is looked at once. One whose online check fails is kept (cancelling on a Redis error would punish them).
     */
    public Future<List<UUID>> gone(Instant now) {
        List<UUID> due = new ArrayList<>();
        away.forEach((p, deadline) -> {
            if (!deadline.isAfter(now) && away.remove(p, deadline)) {
                due.add(p);
            }
        });
        List<Future<Boolean>> checks = due.stream().map(p -> sessions.online(p).otherwise(e -> {
            log.warn("could not tell whether {} is connected elsewhere; tickets kept: {}", p, e.toString());
            return true;
        })).toList();
        return Future.join(checks).map(cf -> {
            List<UUID> out = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
                if (Boolean.FALSE.equals(checks.get(i).result())) {
                    out.add(due.get(i));
                }
            }
            return out;
        });
    }
}
