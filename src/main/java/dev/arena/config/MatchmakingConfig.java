package dev.arena.config;

import dev.arena.matchmaking.QueueConfig;
import dev.arena.matchmaking.RatingWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matchmaking settings (docs/MATCHMAKING.md).
 *
 * @param queues           one per mode, from {@code ARENA_MM_QUEUES}
 * @param interval         time between two matcher steps
 * @param disconnectGrace  how long a player may be without a gateway socket before their tickets are cancelled
 * @param leaseTtl         with Redis: how long a matcher lease lasts unless renewed (every step renews it); the
 *                         time another node needs to take over from a dead one
 * @param ticketRetention  how long a matched or cancelled ticket can still be read
 */
public record MatchmakingConfig(List<QueueConfig> queues, Duration interval, Duration disconnectGrace,
                                Duration leaseTtl, Duration ticketRetention) {

    public static final String DEFAULT_QUEUES = "arena_battle=1v1@50/5/400,connect_four=1v1@50/10/400";

    private static final Pattern QUEUE = Pattern.compile(
            "([a-z][a-z0-9_]{0,31})=(?:(\\d+(?:v\\d+)+)|ffa(\\d+))(?:@(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?))?");

    public MatchmakingConfig {
        queues = List.copyOf(queues);
    }

    /**
     * Parses {@code mode=shape[@start/growth/max],...}: the shape is teams of equal size ({@code 1v1}, {@code 2v2},
     * {@code 2v2v2}) or a free-for-all ({@code ffa8}); the window defaults to ±50, +5/s, ±400.
     */
    static List<QueueConfig> queues(String spec) {
        List<QueueConfig> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : spec.split(",")) {
            String s = part.strip();
            Matcher m = QUEUE.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + s + "' is not mode=1v1|2v2|...|ffaN[@start/growth/max]");
            }
            String mode = m.group(1);
            if (!seen.add(mode)) {
                throw new IllegalArgumentException("mode " + mode + " is configured twice");
            }
            RatingWindow window = m.group(4) == null ? QueueConfig.DEFAULT_WINDOW
                    : new RatingWindow(Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                    Double.parseDouble(m.group(6)));
            if (m.group(3) != null) {
                out.add(QueueConfig.freeForAll(mode, Integer.parseInt(m.group(3)), window));
            } else {
                String[] sizes = m.group(2).split("v");
                for (String size : sizes) {
                    if (!size.equals(sizes[0])) {
                        throw new IllegalArgumentException(mode + ": teams must be of equal size");
                    }
                }
                out.add(QueueConfig.teams(mode, sizes.length, Integer.parseInt(sizes[0]), window));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("at least one queue is needed");
        }
        return out;
    }
}
