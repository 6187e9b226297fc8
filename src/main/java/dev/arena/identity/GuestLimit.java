package dev.arena.identity;

import dev.arena.common.ArenaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code accounts} new guest accounts per client address per window (a fixed window that starts with the
 * address's first new guest): guest sign-up needs no password, so without it one script could fill the players
 * table. Logging an existing guest in again is not counted. 0 accounts lifts the limit (load tests: arena bench).
 *
 * <p>In-process and per node, like {@link LoginThrottle}; the map is bounded the same way (ended windows are
 * dropped first, then any, past {@link #MAX_KEYS}).
 */
public final class GuestLimit {
    static final int MAX_KEYS = 100_000;

    private final int accounts;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int used) {}

    public GuestLimit(int accounts, Duration window, Clock clock) {
        this.accounts = accounts;
        this.window = window;
        this.clock = clock;
    }

    public static GuestLimit of(dev.arena.config.HttpConfig.GuestLimit config, Clock clock) {
        return new GuestLimit(config.accounts(), config.window(), clock);
    }

    /** Takes one new guest account for this address, or fails with {@link ArenaException.RateLimited}. */
    public void take(String clientAddress) {
        if (accounts == 0) {
            return;
        }
        Instant now = clock.instant();
        boolean[] refused = {false};
        Window w = windows.compute(clientAddress, (k, old) -> {
            if (old == null || !now.isBefore(old.start.plus(window))) {
                return new Window(now, 1);
            }
            if (old.used >= accounts) {
                refused[0] = true;
                return old;
            }
            return new Window(old.start, old.used + 1);
        });
        if (windows.size() > MAX_KEYS) {
            prune(now);
        }
        if (refused[0]) {
            throw new ArenaException.RateLimited("too many new guest accounts from this address; try again later",
                    Duration.between(now, w.start.plus(window)));
        }
    }

    private void prune(Instant now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            if (!now.isBefore(w.start.plus(window)) || windows.size() > MAX_KEYS) {
                it.remove();
            }
        }
    }
}
