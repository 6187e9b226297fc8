package dev.arena.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One unit of commit: the events of consecutive lines, the rollup deltas they make (folded here, so a rollup row
 * is written once per batch however many of its events the batch holds), the bad lines among them, and where in
 * the file the batch ends. Rollup rows come out in no particular order: the store sorts them (so two jobs that
 * touch the same rows lock them in the same order). Filled by the reading thread, then handed whole to the
 * committing thread and never touched again by the reader.
 */
public final class Batch {
    /** A rollup delta: counts and sums, with the earliest and latest timestamp seen. */
    public static final class Sum {
        public long events;
        public double value;
        public Instant first;
        public Instant last;

        /** Another delta's counts and sums (the per-day rollup is folded from the hourly one, without times). */
        void add(Sum other) {
            events += other.events;
            value += other.value;
        }

        void add(LogEvent e) {
            events++;
            value += e.value();
            if (first == null || e.ts().isBefore(first)) {
                first = e.ts();
            }
            if (last == null || e.ts().isAfter(last)) {
                last = e.ts();
            }
        }
    }

    /*
     * Keys hash with a mixing step: a record's own hashCode (31 * a + b) gives ids like "p-000123" and hours 3,600
     * apart so many equal codes that HashMap bins turn into trees (profiled: a quarter of the parse thread's time).
     * {@code hour}: the hour's start in epoch seconds (a long, not an Instant: one allocation less per event).
     */
    public record PlayerType(String player, String type) {
        @Override
        public int hashCode() {
            return mix(player.hashCode(), type.hashCode());
        }
    }

    public record PlayerHour(String player, String type, long hour) {
        @Override
        public int hashCode() {
            return mix(mix(player.hashCode(), type.hashCode()), Long.hashCode(hour / 3600));
        }
    }

    /** {@code day}: the UTC day's start in epoch seconds. */
    public record PlayerDay(String player, String type, long day) {
        @Override
        public int hashCode() {
            return mix(mix(player.hashCode(), type.hashCode()), Long.hashCode(day / 86_400));
        }
    }

    public record ModeHour(String mode, long hour, String type) {
        @Override
        public int hashCode() {
            return mix(mix(mode.hashCode(), type.hashCode()), Long.hashCode(hour / 3600));
        }
    }

    public record GamePlayer(String game, String player) {
        @Override
        public int hashCode() {
            return mix(game.hashCode(), player.hashCode());
        }
    }

    private static int mix(int a, int b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b & 0xffffffffL);
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** The mode a game was first seen with, and its sums. */
    public static final class Game {
        public final String mode;
        public final Sum sum = new Sum();

        Game(String mode) {
            this.mode = mode;
        }
    }

    private final boolean raw;
    private final List<LogEvent> events = new ArrayList<>();
    private long[] eventLines = new long[1024];
    private final Map<PlayerType, Sum> playerTypes = new HashMap<>();
    private final Map<PlayerHour, Sum> playerHours = new HashMap<>();
    private final Map<ModeHour, Sum> modeHours = new HashMap<>();
    private final Map<GamePlayer, Sum> gamePlayers = new HashMap<>();
    private final Map<String, Game> games = new HashMap<>();
    private final TreeSet<Instant> days = new TreeSet<>();
    private long lastDay = Long.MIN_VALUE;
    private final List<BadLineSamples.Sample> badSamples = new ArrayList<>();
    private long lines;
    private long bytes;
    private long badLines;
    private long eventCount;
    private long endOffset;
    private long endLine;

    /** {@code raw}: keep the events themselves too (else only the rollups). */
    public Batch(boolean raw, long startOffset, long startLine) {
        this.raw = raw;
        this.endOffset = startOffset;
        this.endLine = startLine;
    }

    void event(long line, LogEvent e) {
        long second = e.ts().getEpochSecond();
        if (raw) {
            if (eventCount == eventLines.length) {
                eventLines = Arrays.copyOf(eventLines, eventLines.length * 2);
            }
            eventLines[events.size()] = line;
            events.add(e);
            long day = Math.floorDiv(second, 86_400);
            if (day != lastDay) {
                days.add(Instant.ofEpochSecond(day * 86_400));
                lastDay = day;
            }
        }
        eventCount++;
        long hour = second - Math.floorMod(second, 3600);
        playerTypes.computeIfAbsent(new PlayerType(e.playerId(), e.type()), k -> new Sum()).add(e);
        playerHours.computeIfAbsent(new PlayerHour(e.playerId(), e.type(), hour), k -> new Sum()).add(e);
        modeHours.computeIfAbsent(new ModeHour(e.mode(), hour, e.type()), k -> new Sum()).add(e);
        gamePlayers.computeIfAbsent(new GamePlayer(e.gameId(), e.playerId()), k -> new Sum()).add(e);
        games.computeIfAbsent(e.gameId(), k -> new Game(e.mode())).sum.add(e);
    }

    void bad() {
        badLines++;
    }

    void samples(List<BadLineSamples.Sample> kept) {
        badSamples.addAll(kept);
    }

    void lineDone(long line, long offset) {
        lines++;
        bytes += offset - endOffset;
        endLine = line;
        endOffset = offset;
    }

    public boolean raw() {
        return raw;
    }

    public List<LogEvent> events() {
        return events;
    }

    /** The line number of the {@code i}-th of {@link #events()}. */
    public long eventLine(int i) {
        return eventLines[i];
    }

    /** UTC days the raw events fall on (their partitions must exist before the copy). */
    public TreeSet<Instant> days() {
        return days;
    }

    public long eventCount() {
        return eventCount;
    }

    public long lines() {
        return lines;
    }

    /** Bytes of the file the batch's lines span. */
    public long bytes() {
        return bytes;
    }

    public long badLines() {
        return badLines;
    }

    public List<BadLineSamples.Sample> badSamples() {
        return badSamples;
    }

    public long endOffset() {
        return endOffset;
    }

    public long endLine() {
        return endLine;
    }

    public boolean isEmpty() {
        return lines == 0;
    }

    public Map<PlayerType, Sum> playerTypes() {
        return playerTypes;
    }

    public Map<PlayerHour, Sum> playerHours() {
        return playerHours;
    }

    /**
     * {@link #playerHours()} folded per UTC day: computed when asked (by the committing thread, once per batch),
     * so the reading thread's per-event work does not grow.
     */
    public Map<PlayerDay, Sum> playerDays() {
        Map<PlayerDay, Sum> days = new HashMap<>();
        for (Map.Entry<PlayerHour, Sum> e : playerHours.entrySet()) {
            PlayerHour h = e.getKey();
            days.computeIfAbsent(new PlayerDay(h.player(), h.type(), h.hour() - Math.floorMod(h.hour(), 86_400)),
                    k -> new Sum()).add(e.getValue());
        }
        return days;
    }

    public Map<ModeHour, Sum> modeHours() {
        return modeHours;
    }

    public Map<GamePlayer, Sum> gamePlayers() {
        return gamePlayers;
    }

    /** Per game id. */
    public Map<String, Game> games() {
        return games;
    }
}
