package dev.arena.identity;

import dev.arena.common.ArenaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. Failures are counted per key (the lower-cased username, and separately the
 * client address); after {@link #FREE_FAILURES} failures in a row a key is locked for 30 s, doubling with
 * each further failure up to 15 min. A success clears the username key.
 *
 * <p>In-process: on a cluster each node counts on its own, so the effective limit is per node. The map is
 * bounded: past {@link #MAX_KEYS} it drops keys whose lock has ended (and, under a flood of distinct
 * keys, any keys until it is back under the bound), so an attacker cannot grow it without limit.
 * A key whose last failure is older than the longest lock starts counting afresh.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, State> failures = new ConcurrentHashMap<>();

    private record State(int count, Instant lockedUntil, Instant last) {}

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Fails with {@link ArenaException.RateLimited} while any of the keys is locked. */
    public void check(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            State s = failures.get(key);
            if (s != null && s.lockedUntil != null && now.isBefore(s.lockedUntil)) {
                throw new ArenaException.RateLimited("too many failed logins; try again later",
                        Duration.between(now, s.lockedUntil));
            }
        }
    }

    public void failed(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            failures.compute(key, (k, s) -> {
                boolean fresh = s == null || s.last.plus(MAX_LOCK).isBefore(now);
                int count = fresh ? 1 : s.count + 1;
                Instant lock = null;
                if (count >= FREE_FAILURES) {
                    int doublings = Math.min(count - FREE_FAILURES, 10);
                    Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
                    lock = now.plus(d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d);
                }
                return new State(count, lock, now);
            });
        }
        if (failures.size() > MAX_KEYS) {
            prune(now);
        }
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    /** Keys currently remembered (for the bound's test). */
    int trackedKeys() {
        return failures.size();
    }

    private void prune(Instant now) {
        for (Iterator<Map.Entry<String, State>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            State s = it.next().getValue();
            boolean stale = s.lockedUntil == null ? s.last.plus(MAX_LOCK).isBefore(now) : s.lockedUntil.isBefore(now);
            if (stale || failures.size() > MAX_KEYS) {
                it.remove();
            }
        }
    }
}
