package dev.arena.room;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.presence.Member;
import dev.arena.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RoomStream} must have: numbering, order under concurrent appends, replay within the
 * buffer and {@code Gone} beyond it (by size and by the time window, judged by the injected clock), listening
 * and broadcasts. An implementation's test supplies {@link #create}; rooms get unique names, so implementations
 * backed by a shared server need no flushing.
 *
 * <p>One difference is part of the contract and stated by {@link #deliversRoomsNotListenedTo()}: in one process
 * every room is this node's, so the local stream hands every event to the node whether or not it listens (the
 * {@link RoomRegistry} drops events of rooms it does not have); a cluster stream delivers only rooms the node
 * listens to, and nothing after {@link RoomStream#unlisten}.
 */
public abstract class RoomStreamContract {
    protected static final int BUFFER = 8;
    protected static final Duration WINDOW = Duration.ofMinutes(2);
    private static final long WAIT_MS = 10_000;

    protected final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    protected RoomStream stream;
    private final List<RoomEvent> received = new ArrayList<>();

    /** A started stream keeping {@code bufferSize} events for {@code window}, judged by {@code clock}. */
    protected abstract RoomStream create(int bufferSize, Duration window, Clock clock);

    /** Whether events of rooms the node does not listen to reach its listener (local: yes; cluster: no). */
    protected abstract boolean deliversRoomsNotListenedTo();

    @BeforeEach
    void createStream() {
        stream = create(BUFFER, WINDOW, clock);
        stream.onEvent(e -> {
            synchronized (received) {
                received.add(e);
                received.notifyAll();
            }
        });
    }

    @AfterEach
    void closeStream() {
        await(stream.close());
    }

    protected static String room() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 12);
    }

    protected RoomEvent.Message message(String room, String data) {
        return new RoomEvent.Message(room, 0, UUID.randomUUID(), data, clock.instant());
    }

    /** Waits until {@code count} received events match, and returns them in delivery order. */
    protected List<RoomEvent> awaitReceived(Predicate<RoomEvent> match, int count) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        synchronized (received) {
            while (true) {
                List<RoomEvent> found = received.stream().filter(match).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("received " + found.size() + " of " + count + " events: " + received);
                }
                try {
                    received.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    protected List<RoomEvent> receivedIn(String room) {
        synchronized (received) {
            return received.stream().filter(e -> e.room().equals(room)).toList();
        }
    }

    private List<Long> seqs(List<RoomEvent> events) {
        return events.stream().map(RoomEvent::seq).toList();
    }

    private void append(String room, int count) {
        for (int i = 0; i < count; i++) {
            await(stream.append(message(room, Integer.toString(i + 1))));
        }
    }

    // --- numbering ---

    @Test
    void numbersEachRoomFromOneWithoutGaps() {
        String a = room();
        String b = room();
        assertThat(await(stream.lastSeq(a))).isZero();
        assertThat(await(stream.append(message(a, "1")))).isEqualTo(1L);
        assertThat(await(stream.append(message(a, "2")))).isEqualTo(2L);
        assertThat(await(stream.append(message(b, "1")))).isEqualTo(1L);
        assertThat(await(stream.append(message(a, "3")))).isEqualTo(3L);
        assertThat(await(stream.lastSeq(a))).isEqualTo(3L);
        assertThat(await(stream.lastSeq(b))).isEqualTo(1L);
    }

    @Test
    void deliversNumberedEventsWithEveryField() {
        String room = room();
        await(stream.listen(room));
        UUID from = UUID.randomUUID();
        Instant ts = clock.instant();
        await(stream.append(new RoomEvent.Message(room, 0, from, "{\"x\":[1,\"é\"]}", ts)));
        await(stream.append(new RoomEvent.Chat(room, 0, 42, from, "Zoë \"z\"", "hi | there", ts)));

        List<RoomEvent> got = awaitReceived(e -> e.room().equals(room), 2);
        RoomEvent.Message m = (RoomEvent.Message) got.get(0);
        assertThat(m.seq()).isEqualTo(1);
        assertThat(m.from()).isEqualTo(from);
        assertThat(m.data()).isEqualTo("{\"x\":[1,\"é\"]}");
        assertThat(m.ts()).isEqualTo(ts);
        RoomEvent.Chat c = (RoomEvent.Chat) got.get(1);
        assertThat(c.seq()).isEqualTo(2);
        assertThat(c.id()).isEqualTo(42);
        assertThat(c.displayName()).isEqualTo("Zoë \"z\"");
        assertThat(c.message()).isEqualTo("hi | there");
        assertThat(c.encode(RoomEvent.Flavour.GATEWAY)).contains("\"seq\":2");
    }

    // --- order ---

    @Test
    void concurrentAppendsAreDeliveredInSequenceOrderAndEachSendersOrderIsKept() throws Exception {
        String room = room();
        await(stream.listen(room));
        int senders = 4;
        int each = 200;
        List<Thread> threads = new ArrayList<>();
        List<Future<Long>> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    results.add(stream.append(message(room, "\"" + sender + ":" + i + "\"")));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        await(Future.all(new ArrayList<>(results)));

        List<RoomEvent> got = awaitReceived(e -> e.room().equals(room), senders * each);
        assertThat(seqs(got)).as("delivery in sequence order, no gaps")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, senders * each).boxed().toList());
        int[] next = new int[senders];
        for (RoomEvent e : got) {
            String[] parts = ((RoomEvent.Message) e).data().replace("\"", "").split(":");
            int sender = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).as("sender %d's order", sender).isEqualTo(next[sender]++);
        }
        assertThat(await(stream.lastSeq(room))).isEqualTo((long) senders * each);
    }

    // --- replay ---

    @Test
    void replaysWhatFollowsWithinTheBuffer() {
        String room = room();
        append(room, 5);

        RoomStream.Replay r = await(stream.since(room, 2));
        assertThat(r).isInstanceOf(RoomStream.Replay.Events.class);
        RoomStream.Replay.Events ev = (RoomStream.Replay.Events) r;
        assertThat(seqs(ev.events())).containsExactly(3L, 4L, 5L);
        assertThat(ev.events()).extracting(e -> ((RoomEvent.Message) e).data()).containsExactly("3", "4", "5");
        assertThat(ev.lastSeq()).isEqualTo(5);
        assertThat(seqs(((RoomStream.Replay.Events) await(stream.since(room, 0))).events()))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(await(stream.since(room, 5))).isEqualTo(new RoomStream.Replay.Events(List.of(), 5));
    }

    /** A replay gives the events as they were appended, every field (the single node keeps them as bytes). */
    @Test
    void replaysEventsWithEveryField() {
        String room = room();
        UUID from = UUID.randomUUID();
        Instant ts = clock.instant().plusNanos(123_456_789);
        await(stream.append(new RoomEvent.Message(room, 0, from, "{\"x\":[1,\"é\"],\"y\":1.50}", ts)));
        await(stream.append(new RoomEvent.Chat(room, 0, 42, from, "Zoë \"z\" 🎮", "hi | there", ts)));

        List<RoomEvent> got = ((RoomStream.Replay.Events) await(stream.since(room, 0))).events();
        RoomEvent.Message m = (RoomEvent.Message) got.get(0);
        assertThat(List.of(m.room(), m.seq(), m.from(), m.data(), m.ts()))
                .containsExactly(room, 1L, from, "{\"x\":[1,\"é\"],\"y\":1.50}", ts);
        RoomEvent.Chat c = (RoomEvent.Chat) got.get(1);
        assertThat(List.of(c.room(), c.seq(), c.id(), c.from(), c.displayName(), c.message(), c.ts()))
                .containsExactly(room, 2L, 42L, from, "Zoë \"z\" 🎮", "hi | there", ts);
    }

    @Test
    void eventsBeyondTheBufferSizeAreGone() {
        String room = room();
        append(room, BUFFER + 4); // 12 appended, 5..12 kept

        assertThat(await(stream.since(room, 3))).isEqualTo(new RoomStream.Replay.Gone(5, 12));
        assertThat(await(stream.since(room, 0))).isEqualTo(new RoomStream.Replay.Gone(5, 12));
        RoomStream.Replay kept = await(stream.since(room, 4));
        assertThat(seqs(((RoomStream.Replay.Events) kept).events())).hasSize(BUFFER).startsWith(5L).endsWith(12L);
    }

    @Test
    void eventsOlderThanTheWindowAreGone() {
        String room = room();
        append(room, 3);
        clock.advance(WINDOW.minusSeconds(1));
        assertThat(await(stream.since(room, 0))).isInstanceOf(RoomStream.Replay.Events.class);

        clock.advance(Duration.ofSeconds(2)); // 1..3 are now older than the window
        await(stream.append(message(room, "4")));

        assertThat(await(stream.since(room, 1))).isEqualTo(new RoomStream.Replay.Gone(4, 4));
        assertThat(seqs(((RoomStream.Replay.Events) await(stream.since(room, 3))).events())).containsExactly(4L);
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(await(stream.since(room, 3))).isEqualTo(new RoomStream.Replay.Gone(5, 4));
        assertThat(await(stream.since(room, 4))).isEqualTo(new RoomStream.Replay.Events(List.of(), 4));
    }

    @Test
    void aClientAheadOfTheRoomMustResync() {
        String fresh = room();
        assertThat(await(stream.since(fresh, 0))).isEqualTo(new RoomStream.Replay.Events(List.of(), 0));
        assertThat(await(stream.since(fresh, 7))).isEqualTo(new RoomStream.Replay.Gone(1, 0));
        String room = room();
        append(room, 2);
        assertThat(await(stream.since(room, 9))).isEqualTo(new RoomStream.Replay.Gone(3, 2));
    }

    // --- listening and broadcasts ---

    @Test
    void listenedRoomsAreDeliveredAndNothingAfterUnlistenWhereTheStreamSaysSo() {
        String a = room();
        String marker = room();
        await(stream.listen(a));
        await(stream.append(message(a, "before")));
        awaitReceived(e -> e.room().equals(a), 1);

        await(stream.unlisten(a));
        await(stream.append(message(a, "after")));
        // Events reach the listener in publication order, so once the marker (appended later) is here, the
        // event of the unlistened room would be too.
        await(stream.listen(marker));
        await(stream.append(message(marker, "m")));
        awaitReceived(e -> e.room().equals(marker), 1);

        List<RoomEvent> inA = receivedIn(a);
        if (deliversRoomsNotListenedTo()) {
            assertThat(inA).extracting(e -> ((RoomEvent.Message) e).data()).containsExactly("before", "after");
        } else {
            assertThat(inA).extracting(e -> ((RoomEvent.Message) e).data()).containsExactly("before");
        }
        assertThat(await(stream.lastSeq(a))).isEqualTo(2L);
    }

    @Test
    void listeningAgainAfterUnlistenDeliversAgain() {
        String room = room();
        await(stream.listen(room));
        await(stream.unlisten(room));
        await(stream.listen(room));
        await(stream.append(message(room, "again")));
        assertThat(awaitReceived(e -> e.room().equals(room), 1)).hasSize(1);
    }

    @Test
    void broadcastsAreDeliveredUnnumberedAndNotKept() {
        String room = room();
        await(stream.listen(room));
        await(stream.append(message(room, "1")));
        Member member = new Member(UUID.randomUUID(), "Ann", UUID.randomUUID(), "node-x");
        UUID to = UUID.randomUUID();
        await(stream.broadcast(new RoomEvent.Presence(room, true, member, clock.instant())));
        await(stream.broadcast(new RoomEvent.Direct(room, 7, member.userId(), to, "psst", clock.instant())));

        List<RoomEvent> got = awaitReceived(e -> e.room().equals(room), 3);
        assertThat(seqs(got)).containsExactly(1L, 0L, 0L);
        RoomEvent.Presence p = (RoomEvent.Presence) got.get(1);
        assertThat(p.joined()).isTrue();
        assertThat(p.member()).isEqualTo(member);
        assertThat(p.encode(RoomEvent.Flavour.GATEWAY)).contains("presence.join").doesNotContain("node-x");
        RoomEvent.Direct d = (RoomEvent.Direct) got.get(2);
        assertThat(d.id()).isEqualTo(7);
        assertThat(d.to()).isEqualTo(to);
        assertThat(d.message()).isEqualTo("psst");
        assertThat(await(stream.lastSeq(room))).isEqualTo(1L);
        assertThat(seqs(((RoomStream.Replay.Events) await(stream.since(room, 0))).events())).containsExactly(1L);
    }
}
