package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pings of sockets that connected together are spread over several sweeps, and always come before the idle close. */
class HeartbeatSpreadTest {
    private static final long HEARTBEAT = 15_000;
    private static final long IDLE = 45_000;

    @Test
    void socketsQuietForTheSameTimeArePingedOverAThirdOfTheHeartbeatNotAtOnce() {
        int sockets = 1_000;
        int dueAtHeartbeat = 0;
        int dueBySpreadEnd = 0;
        for (int salt = 0; salt < sockets; salt++) {
            int s = salt * 7919; // unlike identity hashes, consecutive; spread them
            assertThat(GatewaySockets.pingDue(HEARTBEAT - 1, HEARTBEAT, IDLE, s)).as("never before the heartbeat")
                    .isFalse();
            if (GatewaySockets.pingDue(HEARTBEAT + 1_000, HEARTBEAT, IDLE, s)) {
                dueAtHeartbeat++;
            }
            if (GatewaySockets.pingDue(HEARTBEAT + 5_000, HEARTBEAT, IDLE, s)) {
                dueBySpreadEnd++;
            }
        }
        // one sweep a second: in the first second past the heartbeat about a fifth, all within its third (5 s)
        assertThat(dueAtHeartbeat).isBetween(150, 250);
        assertThat(dueBySpreadEnd).isEqualTo(sockets);
    }

    @Test
    void aShortIdleTimeoutBoundsTheOffsetSoThePingComesFirst() {
        long idle = 16_000; // the configuration allows any idle timeout above the heartbeat
        for (int salt = -500; salt < 500; salt++) {
            assertThat(GatewaySockets.pingDue(HEARTBEAT + 500, HEARTBEAT, idle, salt)).isTrue();
        }
        assertThat(GatewaySockets.pingDue(HEARTBEAT, HEARTBEAT, HEARTBEAT + 1, 12_345)).as("no gap left").isTrue();
    }
}
