package dev.arena.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import dev.arena.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Long-run memory of the single-node stream: idle rooms lose their kept events, then their numbering; a forgotten
 * room (the start-up warm-up's) loses both at once.
 */
class LocalRoomStreamSweepTest {
    /** Each test gets its own (JUnit makes an instance per test). */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final LocalRoomStream stream = new LocalRoomStream(16, Duration.ofMinutes(2), clock);

    @Test
    void idleRoomsDropTheirEventsAfterTheWindowAndAreForgottenAfterAWeek() {
        for (int i = 0; i < 3; i++) {
            stream.append(new RoomEvent.Message("quiet", 0, UUID.randomUUID(), "1", clock.instant()));
        }
        clock.advance(Duration.ofMinutes(3));
        stream.sweep(clock.instant());
        assertThat(stream.since("quiet", 1).result()).isInstanceOf(RoomStream.Replay.Gone.class);
        assertThat(stream.lastSeq("quiet").result()).as("numbering kept while members may still wait").isEqualTo(3L);

        clock.advance(LocalRoomStream.FORGET_AFTER);
        stream.sweep(clock.instant());
        assertThat(stream.rooms()).isZero();
        assertThat(stream.append(new RoomEvent.Message("quiet", 0, UUID.randomUUID(), "2", clock.instant()))
                .result()).isEqualTo(1L);
    }

    /** An append bounds a room by count; the sweep drops what is past the window, with no replay asked for. */
    @Test
    void memoryHoldsAtMostTheBufferAndAfterASweepNothingPastTheWindow() {
        for (int i = 0; i < 40; i++) {
            stream.append(new RoomEvent.Message("busy", 0, UUID.randomUUID(), "1", clock.instant()));
            assertThat(stream.kept("busy")).isLessThanOrEqualTo(16);
        }
        clock.advance(Duration.ofMinutes(3));
        stream.append(new RoomEvent.Message("busy", 0, UUID.randomUUID(), "2", clock.instant()));
        assertThat(stream.kept("busy")).isBetween(1, 16);
        stream.sweep(clock.instant());
        assertThat(stream.kept("busy")).as("only the event inside the window").isEqualTo(1);
        assertThat(((RoomStream.Replay.Events) stream.since("busy", 40).result()).events()).hasSize(1);
    }

    @Test
    void aForgottenRoomKeepsNeitherEventsNorNumbering() {
        stream.append(new RoomEvent.Message("warmup:x", 0, UUID.randomUUID(), "1", clock.instant()));
        stream.append(new RoomEvent.Message("kept", 0, UUID.randomUUID(), "1", clock.instant()));
        stream.forget("warmup:x");
        assertThat(stream.rooms()).isEqualTo(1);
        assertThat(stream.lastSeq("warmup:x").result()).isZero();
        assertThat(stream.lastSeq("kept").result()).isEqualTo(1L);
    }
}
