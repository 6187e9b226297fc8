package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several listeners behind one (the registry takes one): each is called in turn; one failing does not stop the next. */
public final class MatchListeners implements MatchListener {
    private static final Logger log = LoggerFactory.getLogger(MatchListeners.class);
    private final List<MatchListener> all;

    private MatchListeners(List<MatchListener> all) {
        this.all = List.copyOf(all);
    }

    public static MatchListener of(MatchListener... listeners) {
        return listeners.length == 1 ? listeners[0] : new MatchListeners(List.of(listeners));
    }

    private void each(java.util.function.Consumer<MatchListener> call) {
        for (MatchListener l : all) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.error("match listener {} failed", l.getClass().getSimpleName(), e);
            }
        }
    }

    public void frame(TickFrame frame) {
        each(l -> l.frame(frame));
    }

    public void ended(MatchEnd end) {
        each(l -> l.ended(end));
    }

    public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
        each(l -> l.inputRejected(match, player, tick, code, message));
    }

    public void inputDropped(MatchId match, PlayerId player, long tick) {
        each(l -> l.inputDropped(match, player, tick));
    }

    public void ticksSkipped(MatchId match, long count) {
        each(l -> l.ticksSkipped(match, count));
    }

    public void ticked(MatchId match, long tick, long nanos, int accepted) {
        each(l -> l.ticked(match, tick, nanos, accepted));
    }

    public void inputsApplied(MatchId match, long[] waitedNanos, int count) {
        each(l -> l.inputsApplied(match, waitedNanos, count));
    }

    public void spectatorsChanged(MatchId match, int spectators) {
        each(l -> l.spectatorsChanged(match, spectators));
    }
}
