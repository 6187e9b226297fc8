package dev.arena.logs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One unit of commit: the events of consecutive lines, the rollup deltas they make, the bad lines among them, and
 * where in the file the batch ends. Rows of each rollup come out sorted by key, so two jobs that touch the same
 * rows lock them in the same order (no deadlock).
 */
public final class Batch {
    /** A rollup delta: counts and sums, with the earliest and latest timestamp seen. */
    public static final class Sum {
        public long events;
        public double value;
        public Instant first;
        public Instant last;

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

    public record PlayerType(String player, String type) {}

    public record PlayerHour(String player, String type, Instant hour) {}

    public record ModeHour(String mode, Instant hour, String type) {}

    public record GamePlayer(String game, String player) {}

    /** The mode a game was first seen with. */
    public record Game(String game, String mode) {}

    private final boolean raw;
    private final List<LogEvent> events = new ArrayList<>();
    private final List<Long> eventLines = new ArrayList<>();
    private final Map<PlayerType, Sum> playerTypes = new HashMap<>();
    private final Map<PlayerHour, Sum> playerHours = new HashMap<>();
    private final Map<ModeHour, Sum> modeHours = new HashMap<>();
    private final Map<GamePlayer, Sum> gamePlayers = new HashMap<>();
    private final Map<String, Sum> games = new HashMap<>();
    private final Map<String, String> gameModes = new HashMap<>();
    private final TreeSet<Instant> days = new TreeSet<>();
    private final List<BadLineSamples.Sample> badSamples = new ArrayList<>();
    private long lines;
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
        eventCount++;
        if (raw) {
            events.add(e);
            eventLines.add(line);
            days.add(e.ts().truncatedTo(ChronoUnit.DAYS));
        }
        Instant hour = e.ts().truncatedTo(ChronoUnit.HOURS);
        playerTypes.computeIfAbsent(new PlayerType(e.playerId(), e.type()), k -> new Sum()).add(e);
        playerHours.computeIfAbsent(new PlayerHour(e.playerId(), e.type(), hour), k -> new Sum()).add(e);
        modeHours.computeIfAbsent(new ModeHour(e.mode(), hour, e.type()), k -> new Sum()).add(e);
        gamePlayers.computeIfAbsent(new GamePlayer(e.gameId(), e.playerId()), k -> new Sum()).add(e);
        games.computeIfAbsent(e.gameId(), k -> new Sum()).add(e);
        gameModes.putIfAbsent(e.gameId(), e.mode());
    }

    void bad() {
        badLines++;
    }

    void samples(java.util.List<BadLineSamples.Sample> kept) {
        badSamples.addAll(kept);
    }

    void lineDone(long line, long offset) {
        lines++;
        endLine = line;
        endOffset = offset;
    }

    public boolean raw() {
        return raw;
    }

    public List<LogEvent> events() {
        return events;
    }

    /** The line number of each of {@link #events()}. */
    public List<Long> eventLines() {
        return eventLines;
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

    public List<Map.Entry<PlayerType, Sum>> playerTypes() {
        return sorted(playerTypes, Comparator.comparing(PlayerType::player).thenComparing(PlayerType::type));
    }

    public List<Map.Entry<PlayerHour, Sum>> playerHours() {
        return sorted(playerHours, Comparator.comparing(PlayerHour::player).thenComparing(PlayerHour::type)
                .thenComparing(PlayerHour::hour));
    }

    public List<Map.Entry<ModeHour, Sum>> modeHours() {
        return sorted(modeHours, Comparator.comparing(ModeHour::mode).thenComparing(ModeHour::hour)
                .thenComparing(ModeHour::type));
    }

    public List<Map.Entry<GamePlayer, Sum>> gamePlayers() {
        return sorted(gamePlayers, Comparator.comparing(GamePlayer::game).thenComparing(GamePlayer::player));
    }

    public List<Map.Entry<Game, Sum>> games() {
        Map<Game, Sum> out = new HashMap<>();
        games.forEach((id, sum) -> out.put(new Game(id, gameModes.get(id)), sum));
        return sorted(out, Comparator.comparing(Game::game));
    }

    private static <K> List<Map.Entry<K, Sum>> sorted(Map<K, Sum> map, Comparator<K> order) {
        List<Map.Entry<K, Sum>> list = new ArrayList<>(map.entrySet());
        list.sort(Map.Entry.comparingByKey(order));
        return list;
    }
}
