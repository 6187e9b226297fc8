package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a match reports, for assertions. */
public final class RecordingListener implements MatchListener {
    public record Rejection(PlayerId player, long tick, String code) {}

    public final List<TickFrame> frames = new ArrayList<>();
    public final List<MatchEnd> ends = new ArrayList<>();
    public final List<Rejection> rejections = new ArrayList<>();
    public final List<PlayerId> drops = new ArrayList<>();
    public long skipped;
    /** The counts {@link #spectatorsChanged} reported, in order. */
    public final List<Integer> spectatorCounts = new ArrayList<>();

    @Override
    public void frame(TickFrame frame) {
        frames.add(frame);
    }

    @Override
    public void ended(MatchEnd end) {
        ends.add(end);
    }

    @Override
    public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
        rejections.add(new Rejection(player, tick, code));
    }

    @Override
    public void inputDropped(MatchId match, PlayerId player, long tick) {
        drops.add(player);
    }

    @Override
    public void ticksSkipped(MatchId match, long count) {
        skipped += count;
    }

    @Override
    public void spectatorsChanged(MatchId match, int spectators) {
        spectatorCounts.add(spectators);
    }

    /** Every event of every frame, in order. */
    public List<GameEvent> events() {
        return frames.stream().flatMap(f -> f.events().stream()).toList();
    }

    public List<String> codes() {
        return rejections.stream().map(Rejection::code).toList();
    }
}
