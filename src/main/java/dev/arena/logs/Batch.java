package dev.arena.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** A rollup delta: counts and sums, with the earliest and latest timestamp seen (where the rollup keeps them). */
    public static class Sum {
        public long events;
        public double value;
        public Instant first;
        public Instant last;

        Sum() {}

        /** Another delta's counts and sums (the per-day rollup is folded from the hourly one, without times). */
        void add(Sum other) {
            events += other.events;
            value += other.value;
        }
    }

    public record PlayerType(String player, String type) {}

    /** {@code hour}: the hour's start in epoch seconds. */
    public record PlayerHour(String player, String type, long hour) {}

    /** {@code day}: the UTC day's start in epoch seconds. */
    public record PlayerDay(String player, String type, long day) {}

    public record ModeHour(String mode, long hour, String type) {}

    public record GamePlayer(String game, String player) {}

    /** The mode a game was first seen with, and its sums. */
    public static final class Game {
        public final String mode;
        public final Sum sum;

        Game(String mode, Sum sum) {
            this.mode = mode;
            this.sum = sum;
        }
    }

    private final boolean raw;
    private final ArrayList<LogEvent> events = new ArrayList<>();
    private long[] eventLines = new long[1024];
    /*
     * The fold makes three lookups per event: (player, type, hour), whose row points at its (player, type) total;
     * (game, player), whose row points at the game; and (mode, type, hour). Keys are the rows' own fields
     * (RollupRows), so a row seen before costs no allocation.
     */
    private final RollupRows playerTypes = new RollupRows(1024);
    private final RollupRows playerHours = new RollupRows(4096);
    private final RollupRows modeHours = new RollupRows(256);
    private final RollupRows gamePlayers = new RollupRows(1024);
    private final RollupRows games = new RollupRows(256);
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
        Instant ts = e.ts();
        long second = ts.getEpochSecond();
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
        double v = e.value();
        String player = e.playerId();
        String type = e.type();
        RollupRows.Row ph = playerHours.add(player, type, hour);
        if (ph.up == null) {
            ph.up = playerTypes.add(player, type, 0);
        }
        ph.events++;
        ph.value += v;
        ph.up.add(v, ts);
        RollupRows.Row gp = gamePlayers.add(e.gameId(), player, 0);
        if (gp.up == null) {
            gp.up = games.add(e.gameId(), null, 0);
            if (gp.up.mode == null) {
                gp.up.mode = e.mode();
            }
        }
        gp.events++;
        gp.value += v;
        gp.up.add(v, ts);
        RollupRows.Row mh = modeHours.add(e.mode(), type, hour);
        mh.events++;
        mh.value += v;
    }

    void bad() {
        badLines++;
    }

    /**
     * Adds a later batch's rollup rows, counts, bad samples and end into this one (a commit group's rollups only:
     * its raw events went to the store on their own). The rows are summed, so a key that repeats across the group's
     * batches is merged once. Both batches must not be in use by another thread.
     */
    void absorb(Batch b) {
        for (int i = 0; i < b.playerTypes.size(); i++) {
            RollupRows.Row r = b.playerTypes.row(i);
            playerTypes.add(r.a, r.b, 0).merge(r);
        }
        for (int i = 0; i < b.playerHours.size(); i++) {
            RollupRows.Row r = b.playerHours.row(i);
            playerHours.add(r.a, r.b, r.n).merge(r);
        }
        for (int i = 0; i < b.modeHours.size(); i++) {
            RollupRows.Row r = b.modeHours.row(i);
            modeHours.add(r.a, r.b, r.n).merge(r);
        }
        for (int i = 0; i < b.games.size(); i++) {
            RollupRows.Row r = b.games.row(i);
            RollupRows.Row g = games.add(r.a, null, 0);
            if (g.mode == null) {
                g.mode = r.mode; // the mode the game was first seen with: this group's earlier batches come first
            }
            g.merge(r);
        }
        for (int i = 0; i < b.gamePlayers.size(); i++) {
            RollupRows.Row r = b.gamePlayers.row(i);
            gamePlayers.add(r.a, r.b, 0).merge(r);
        }
        eventCount += b.eventCount;
        badLines += b.badLines;
        badSamples.addAll(b.badSamples);
        lines += b.lines;
        bytes += b.bytes;
        endOffset = b.endOffset;
        endLine = b.endLine;
    }

    /** Lets the raw events go (they are written): the batch's rollups go on as a commit group's. */
    void dropEvents() {
        events.clear();
        events.trimToSize();
        eventLines = new long[0];
    }

    /** Distinct rollup rows held (what a commit group's memory grows with). */
    int rollupRows() {
        return playerTypes.size() + playerHours.size() + modeHours.size() + gamePlayers.size() + games.size();
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
        return playerTypes.asMap(r -> new PlayerType(r.a, r.b), r -> r,
                k -> k instanceof PlayerType t ? playerTypes.get(t.player(), t.type(), 0) : null);
    }

    public Map<PlayerHour, Sum> playerHours() {
        return playerHours.asMap(r -> new PlayerHour(r.a, r.b, r.n), r -> r,
                k -> k instanceof PlayerHour h ? playerHours.get(h.player(), h.type(), h.hour()) : null);
    }

    /**
     * {@link #playerHours()} folded per UTC day: computed when asked (by the committing thread, once per batch),
     * so the reading thread's per-event work does not grow.
     */
    public Map<PlayerDay, Sum> playerDays() {
        RollupRows days = new RollupRows(playerTypes.size() * 2);
        for (int i = 0; i < playerHours.size(); i++) {
            RollupRows.Row h = playerHours.row(i);
            days.add(h.a, h.b, h.n - Math.floorMod(h.n, 86_400)).add(h);
        }
        return days.asMap(r -> new PlayerDay(r.a, r.b, r.n), r -> r,
                k -> k instanceof PlayerDay d ? days.get(d.player(), d.type(), d.day()) : null);
    }

    public Map<ModeHour, Sum> modeHours() {
        return modeHours.asMap(r -> new ModeHour(r.a, r.n, r.b), r -> r,
                k -> k instanceof ModeHour m ? modeHours.get(m.mode(), m.type(), m.hour()) : null);
    }

    public Map<GamePlayer, Sum> gamePlayers() {
        return gamePlayers.asMap(r -> new GamePlayer(r.a, r.b), r -> r,
                k -> k instanceof GamePlayer g ? gamePlayers.get(g.game(), g.player(), 0) : null);
    }

    /** Per game id. */
    public Map<String, Game> games() {
        return games.asMap(r -> r.a, r -> new Game(r.mode, r),
                k -> k instanceof String g ? games.get(g, null, 0) : null);
    }
}
