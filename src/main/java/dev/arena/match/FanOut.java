package dev.arena.match;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MatchListener#all}: the match's output to several listeners (the gateway, metrics, results). */
final class FanOut implements MatchListener {
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final List<MatchListener> listeners;

    FanOut(List<MatchListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void frame(TickFrame frame) {
        each(l -> l.frame(frame));
    }

    @Override
    public void ended(MatchEnd end) {
        each(l -> l.ended(end));
    }

    @Override
    public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
        each(l -> l.inputRejected(match, player, tick, code, message));
    }

    @Override
    public void inputDropped(MatchId match, PlayerId player, long tick) {
        each(l -> l.inputDropped(match, player, tick));
    }

    @Override
    public void ticksSkipped(MatchId match, long count) {
        each(l -> l.ticksSkipped(match, count));
    }

    @Override
    public void ticked(MatchId match, long tick, long nanos, int accepted) {
        each(l -> l.ticked(match, tick, nanos, accepted));
    }

    private void each(Consumer<MatchListener> call) {
        for (MatchListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.error("match listener {} failed", l.getClass().getName(), e);
            }
        }
    }
}
