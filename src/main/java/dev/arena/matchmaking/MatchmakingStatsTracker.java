package dev.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers recent proposals per mode and turns them, with the pool's current queues, into
 * {@link MatchmakingStats}. Same ownership as the {@link TicketPool}: one thread, usually the one that
 * just called {@code process}.
 *
 * <p>Memory is bounded twice: samples older than the window are dropped on every call, and each mode
 * keeps at most {@code maxMatchesPerMode} matches, dropping the oldest first; a burst beyond that only makes
 * the percentiles cover a shorter period.
 */
public final class MatchmakingStatsTracker {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_MATCHES_PER_MODE = 50_000;

    /** One formed match: when, how spread, and every ticket's wait in milliseconds. */
    private record Sample(Instant at, double spread, long[] waitsMillis) {}

    private final Duration window;
    private final int maxMatchesPerMode;
    private final Map<String, ArrayDeque<Sample>> samples = new HashMap<>();

    public MatchmakingStatsTracker() {
        this(DEFAULT_WINDOW, DEFAULT_MAX_MATCHES_PER_MODE);
    }

    public MatchmakingStatsTracker(Duration window, int maxMatchesPerMode) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (maxMatchesPerMode < 1) {
            throw new IllegalArgumentException("maxMatchesPerMode must be >= 1");
        }
        this.window = window;
        this.maxMatchesPerMode = maxMatchesPerMode;
    }

    /** Records the proposals one {@link TicketPool#process(Instant)} call returned at {@code now}. */
    public void record(Iterable<MatchProposal> proposals, Instant now) {
        for (MatchProposal p : proposals) {
            ArrayDeque<Sample> q = samples.computeIfAbsent(p.mode(), m -> new ArrayDeque<>());
            long[] waits = p.tickets().stream().mapToLong(t -> t.waited().toMillis()).toArray();
            q.addLast(new Sample(now, p.ratingSpread(), waits));
            while (q.size() > maxMatchesPerMode) {
                q.removeFirst();
            }
        }
        samples.values().forEach(q -> evictBefore(q, now.minus(window)));
    }

    /** Statistics for every mode of the pool. */
    public Map<String, MatchmakingStats> snapshot(TicketPool pool, Instant now) {
        Map<String, MatchmakingStats> out = new LinkedHashMap<>();
        for (String mode : pool.modes()) {
            out.put(mode, snapshot(pool, mode, now));
        }
        return out;
    }

    public MatchmakingStats snapshot(TicketPool pool, String mode, Instant now) {
        ArrayDeque<Sample> q = samples.getOrDefault(mode, new ArrayDeque<>());
        evictBefore(q, now.minus(window));
        double[] spreads = new double[q.size()];
        int waitCount = 0;
        int i = 0;
        for (Sample s : q) {
            spreads[i++] = s.spread();
            waitCount += s.waitsMillis().length;
        }
        long[] waits = new long[waitCount];
        int w = 0;
        for (Sample s : q) {
            System.arraycopy(s.waitsMillis(), 0, waits, w, s.waitsMillis().length);
            w += s.waitsMillis().length;
        }
        Arrays.sort(spreads);
        Arrays.sort(waits);
        return new MatchmakingStats(mode, pool.queueLength(mode), pool.playersWaiting(mode),
                pool.oldestWait(mode, now), window, q.size(),
                Duration.ofMillis(MatchmakingStats.percentile(waits, 50)),
                Duration.ofMillis(MatchmakingStats.percentile(waits, 95)),
                MatchmakingStats.percentile(spreads, 50), MatchmakingStats.percentile(spreads, 95));
    }

    private static void evictBefore(ArrayDeque<Sample> q, Instant cutoff) {
        while (!q.isEmpty() && q.peekFirst().at().isBefore(cutoff)) {
            q.removeFirst();
        }
    }
}
