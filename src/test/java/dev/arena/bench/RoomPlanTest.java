package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoomPlanTest {

    @Test
    void broadcastTargetIsClientsTimesRate() {
        RoomPlan p = RoomPlan.broadcast(1000, 10, 50);
        assertThat(p.rooms()).isEqualTo(1);
        assertThat(p.fanout(0)).isEqualTo(1000);
        assertThat(p.senderRate()).isEqualTo(5.0);
        assertThat(p.totalSendRate()).isEqualTo(50.0);
        assertThat(p.expectedDeliveriesPerSecond()).isEqualTo(50_000.0);
        assertThat(IntStream.range(0, 1000).filter(p::isSender).boxed().toList())
                .containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900);
    }

    @Test
    void sendersAreEvenlySpreadWhenTheyDoNotDivideTheClients() {
        RoomPlan p = RoomPlan.broadcast(10, 3, 30);
        assertThat(IntStream.range(0, 10).filter(p::isSender).boxed().toList()).containsExactly(0, 3, 6);
        assertThat(p.expectedDeliveriesPerSecond()).isEqualTo(300.0);
    }

    @Test
    void manyRoomsTargetIsClientsTimesRateTimesRoomSize() {
        RoomPlan p = RoomPlan.rooms(2000, 4, 10);
        assertThat(p.rooms()).isEqualTo(500);
        assertThat(p.roomOf(0)).isZero();
        assertThat(p.roomOf(3)).isZero();
        assertThat(p.roomOf(4)).isEqualTo(1);
        assertThat(p.roomOf(1999)).isEqualTo(499);
        assertThat(IntStream.range(0, 2000).allMatch(p::isSender)).isTrue();
        assertThat(p.expectedDeliveriesPerSecond()).isEqualTo(80_000.0);
    }

    @Test
    void aShortLastRoomExpectsFewerDeliveries() {
        RoomPlan p = RoomPlan.rooms(10, 4, 10);
        assertThat(p.rooms()).isEqualTo(3);
        assertThat(p.fanout(2)).isEqualTo(2);
        // 8 clients x 10/s x 4 members + 2 clients x 10/s x 2 members
        assertThat(p.expectedDeliveriesPerSecond()).isEqualTo(360.0);
    }
}
