package dev.arena.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.storage.local.LocalRoomStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Memory guard for the room's resume buffer (issue 15, item 8): the heap a kept {@code room.message} holds once its
 * gateway frame has been made, as the fan-out makes it. Every stream event stays in the buffer
 * ({@code ARENA_WS_RESUME_BUFFER} per room) for seconds to minutes, so under many busy rooms these events are most of
 * what the young collections copy: with 500 rooms of 4 at 10 msgs/s each, 256,000 of them. Kept as event objects
 * they took 685 bytes each with the frame as a String beside its bytes, then 438 with the bytes only; kept as their
 * fields' bytes in a few chunks per room ({@code KeptEvents}), about 100, and no object per event at all.
 * Measured as the heap in use after full collections with and without the buffer's events.
 */
class ResumeBufferFootprintTest {
    /** 204,800 kept events: the two layouts differ by 50 MB, well above what other tests of a shared fork free or keep. */
    private static final int ROOMS = 400;
    private static final int PER_ROOM = 512;
    /** Fields as bytes: 102 here (the bench's data); an object per event, even without its frame, is above 300. */
    private static final long MAX_BYTES_PER_EVENT = 200;

    @Test
    void aKeptMessageIsItsFieldsAsBytes() {
        List<UUID> players = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            players.add(UUID.randomUUID());
        }
        long before = usedAfterGc();
        LocalRoomStream stream = new LocalRoomStream(PER_ROOM, Duration.ofMinutes(2), Clock.systemUTC());
        // what the fan-out does with each numbered event: makes the gateway frame every member is sent
        stream.onEvent(e -> e.text(RoomEvent.Flavour.GATEWAY));
        long n = 0;
        for (int k = 0; k < PER_ROOM; k++) {
            for (int r = 0; r < ROOMS; r++) {
                // a room name and data parsed from each client message: new Strings each time, as on the wire
                String room = new StringBuilder("bench-room-").append(r).toString();
                String data = "{\"t\":" + (1_700_000_000_000L + n) + ",\"n\":" + n + "}";
                stream.append(new RoomEvent.Message(room, 0, players.get((int) (n % players.size())), data,
                        Instant.now()));
                n++;
            }
        }
        long after = usedAfterGc();
        long perEvent = (after - before) / n;
        assertThat(stream.lastSeq("bench-room-0").result()).isEqualTo(PER_ROOM); // still reachable, all kept
        System.out.printf("RESUME_BUFFER_BYTES_PER_EVENT %d%n", perEvent);
        assertThat(perEvent).as("heap bytes per kept room.message").isLessThanOrEqualTo(MAX_BYTES_PER_EVENT);
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the least of a few full collections: what is really live
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
