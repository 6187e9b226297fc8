package dev.arena.match;

import java.util.Arrays;

/**
 * Input-to-state latency of one match, owner only: when each input the rules accepted in a tick was received
 * ({@link MatchLoop#offer}), turned at the end of the tick into how long it waited until the state that includes it
 * was published and its frame handed to the gateway. One reused array, grown to the largest tick seen (bounded by
 * the inbox), so a tick's inputs cost no allocation.
 */
final class InputWaits {
    private long[] nanos = new long[16];
    private int count;

    /** An input received at {@code receivedNanos} was applied in this tick. */
    void applied(long receivedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = receivedNanos;
    }

    /** Hands this tick's waits (as of {@code nowNanos}), if any, to the listener, then starts the next tick empty. */
    void publish(MatchId id, long nowNanos, MatchListener listener) {
        if (count == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            nanos[i] = Math.max(0, nowNanos - nanos[i]);
        }
        try {
            listener.inputsApplied(id, nanos, count);
        } finally {
            count = 0;
        }
    }
}
