package dev.arena.logs;

import java.time.Instant;
import java.util.ArrayList;
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

    /** The raw events, encoded as they come; null when the batch keeps only the rollups. */
    private RawRows raw;
    /*
     * The fold makes three lookups per event: (player, type, hour), whose row points at its (player, type) total;
     * (game, player), whose row points at the game; and (mode, type, hour). Keys are the rows' own fields
     * (RollupRows), so a row seen before costs no allocation.
     */
    private final RollupRows playerTypes = new RollupRows(1024, true);
    private final RollupRows playerHours = new RollupRows(4096, false);
    private final RollupRows modeHours = new RollupRows(256, false);
    private final RollupRows gamePlayers = new RollupRows(1024, false);
    private final RollupRows games = new RollupRows(256, true);
    private final TreeSet<Instant> days = new TreeSet<>();
    private long lastDay = Long.MIN_VALUE;
    private final List<BadLineSamples.Sample> badSamples = new ArrayList<>();
    private long lines;
    private long bytes;
    private long badLines;
    private long eventCount;
    private long endOffset;
    private long endLine;

    /** {@code raw}: where the events themselves are kept too, or null (only the rollups). */
    public Batch(RawRows raw, long startOffset, long startLine) {
        this.raw = raw;
        this.endOffset = startOffset;
        this.endLine = startLine;
    }

    void event(long line, LogEvent e) {
        Instant ts = e.ts();
        long second = ts.getEpochSecond();
        if (raw != null) {
            raw.add(e, line);
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
        int ph = playerHours.add(player, type, hour);
        int pt = playerHours.up(ph);
        if (pt < 0) {
            pt = playerTypes.add(player, type, 0);
            playerHours.up(ph, pt);
        }
        playerHours.count(ph, v);
        playerTypes.count(pt, v, ts);
        String game = e.gameId();
        int gp = gamePlayers.add(game, player, 0);
        int g = gamePlayers.up(gp);
        if (g < 0) {
            g = games.add(game, null, 0);
            if (games.mode(g) == null) {
                games.mode(g, e.mode());
            }
            gamePlayers.up(gp, g);
        }
        gamePlayers.count(gp, v);
        games.count(g, v, ts);
        modeHours.count(modeHours.add(e.mode(), type, hour), v);
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
        fold(playerTypes, b.playerTypes);
        fold(playerHours, b.playerHours);
        fold(modeHours, b.modeHours);
        for (int j = 0; j < b.games.size(); j++) {
            int g = games.add(b.games.a(j), null, 0);
            if (games.mode(g) == null) {
                games.mode(g, b.games.mode(j)); // the mode the game was first seen with: earlier batches come first
            }
            games.merge(g, b.games, j);
        }
        fold(gamePlayers, b.gamePlayers);
        eventCount += b.eventCount;
        badLines += b.badLines;
        badSamples.addAll(b.badSamples);
        lines += b.lines;
        bytes += b.bytes;
        endOffset = b.endOffset;
        endLine = b.endLine;
    }

    private static void fold(RollupRows into, RollupRows from) {
        for (int j = 0; j < from.size(); j++) {
            into.merge(into.add(from.a(j), from.b(j), from.n(j)), from, j);
        }
    }

    /** Lets the raw events go (they are written): the batch's rollups go on as a commit group's. */
    void dropEvents() {
        raw = null;
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

    /** The raw events, or null: none kept, or the batch became a commit group's (its rows are written). */
    public RawRows raw() {
        return raw;
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
        return playerTypes.asMap(i -> new PlayerType(playerTypes.a(i), playerTypes.b(i)), playerTypes::sum,
                k -> k instanceof PlayerType t ? playerTypes.get(t.player(), t.type(), 0) : -1);
    }

    public Map<PlayerHour, Sum> playerHours() {
        return playerHours.asMap(i -> new PlayerHour(playerHours.a(i), playerHours.b(i), playerHours.n(i)),
                playerHours::sum, k -> k instanceof PlayerHour h ? playerHours.get(h.player(), h.type(), h.hour()) : -1);
    }

    /**
     * {@link #playerHours()} folded per UTC day: computed when asked (by the committing thread, once per batch),
     * so the reading thread's per-event work does not grow.
     */
    public Map<PlayerDay, Sum> playerDays() {
        RollupRows days = new RollupRows(playerTypes.size() * 2, false);
        for (int h = 0; h < playerHours.size(); h++) {
            long hour = playerHours.n(h);
            days.merge(days.add(playerHours.a(h), playerHours.b(h), hour - Math.floorMod(hour, 86_400)), playerHours, h);
        }
        return days.asMap(i -> new PlayerDay(days.a(i), days.b(i), days.n(i)), days::sum,
                k -> k instanceof PlayerDay d ? days.get(d.player(), d.type(), d.day()) : -1);
    }

    public Map<ModeHour, Sum> modeHours() {
        return modeHours.asMap(i -> new ModeHour(modeHours.a(i), modeHours.n(i), modeHours.b(i)), modeHours::sum,
                k -> k instanceof ModeHour m ? modeHours.get(m.mode(), m.type(), m.hour()) : -1);
    }

    public Map<GamePlayer, Sum> gamePlayers() {
        return gamePlayers.asMap(i -> new GamePlayer(gamePlayers.a(i), gamePlayers.b(i)), gamePlayers::sum,
                k -> k instanceof GamePlayer g ? gamePlayers.get(g.game(), g.player(), 0) : -1);
    }

    /** Per game id. */
    public Map<String, Game> games() {
        return games.asMap(games::a, i -> new Game(games.mode(i), games.sum(i)),
                k -> k instanceof String g ? games.get(g, null, 0) : -1);
    }
}
