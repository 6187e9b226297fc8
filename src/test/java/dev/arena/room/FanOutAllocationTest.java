package dev.arena.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.EncodedText;
import dev.arena.presence.Member;
import dev.arena.storage.local.LocalPresenceStore;
import dev.arena.storage.local.LocalRoomStream;
import dev.arena.testing.Eventually;
import dev.arena.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Allocation regression guard for the room fan-out (issue 15, item 8): the bytes the room's owning thread allocates
 * per delivered frame, measured with {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} around the
 * delivery of many events to many in-memory members. An event is serialised once and the same text handed to every
 * member, so the cost per event is spread over its recipients; anything allocated per recipient (an iterator, a
 * lambda, a boxed seq, a copied string, a wrapper) costs at least 16 bytes per frame and fails the test.
 */
class FanOutAllocationTest {
    private static final int MEMBERS = 1_000;
    private static final int EVENTS = 2_000;
    /** Below the smallest object (16 bytes on a 64-bit JVM): whatever is left is per-event work spread thin. */
    private static final double MAX_BYTES_PER_FRAME = 8.0;

    private Vertx vertx;
    private Context context;
    private RoomRegistry rooms;

    /** What a gateway connection does with a delivery, minus the socket: takes the shared text, counts it. */
    private static final class Recipient implements RoomMember {
        private final Member presence = new Member(UUID.randomUUID(), "m", UUID.randomUUID(), "node");
        EncodedText last;
        long frames;

        @Override
        public Member presence() {
            return presence;
        }

        @Override
        public void deliver(RoomEvent event) {
            last = event.text(RoomEvent.Flavour.GATEWAY); // what a Connection queues
            frames++;
        }

        @Override
        public void joined(Joined result) {}
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        MutableClock clock = new MutableClock();
        rooms = new RoomRegistry(List.of(context), new LocalRoomStream(64, Duration.ofMinutes(1), clock),
                new LocalPresenceStore(), MEMBERS + 1, 65_536, clock);
    }

    @AfterEach
    void stop() {
        vertx.close();
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private <T> T onContext(java.util.function.Supplier<T> s) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> p.complete(s.get()));
        return await(p.future());
    }

    /** Delivers events {@code from..to} (their seq) and waits until every recipient has every one. */
    private void deliver(String room, List<Recipient> members, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            rooms.deliver(new RoomEvent.Message(room, seq, members.getFirst().presence().userId(),
                    "{\"n\":" + seq + "}", Instant.EPOCH));
        }
        long want = to;
        Eventually.until(() -> onContext(() -> members.stream().allMatch(m -> m.frames >= want)), Boolean::booleanValue,
                "every member has event " + to);
    }

    private double bytesPerFrame(int memberCount) {
        String room = "alloc-" + memberCount;
        List<Recipient> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            Recipient r = new Recipient();
            members.add(r);
            await(rooms.join(room, r, null, null));
        }
        members.forEach(m -> m.frames = 0); // presence frames of the joins are not part of the measure
        onContext(() -> {
            members.forEach(m -> m.frames = 0);
            return null;
        });
        long thread = onContext(() -> Thread.currentThread().threadId());
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        deliver(room, members, 1, EVENTS); // warm-up: the JIT compiles the fan-out
        long before = mx.getThreadAllocatedBytes(thread);
        deliver(room, members, EVENTS + 1, 2L * EVENTS);
        long bytes = mx.getThreadAllocatedBytes(thread) - before;
        return (double) bytes / ((long) EVENTS * memberCount);
    }

    @Test
    void aDeliveredFrameAllocatesLessThanOneObjectPerRecipient() {
        double perFrame = bytesPerFrame(MEMBERS);
        System.out.printf("room fan-out: %.2f bytes allocated per delivered frame (%d members, %d events)%n",
                perFrame, MEMBERS, EVENTS);
        assertThat(perFrame).as("bytes per delivered frame").isLessThan(MAX_BYTES_PER_FRAME);
    }
}
