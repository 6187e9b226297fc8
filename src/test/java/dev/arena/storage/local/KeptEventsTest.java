package dev.arena.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.presence.Member;
import dev.arena.room.RoomEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The single node's resume buffer as bytes: every kind and field comes back as it went in, across chunks. */
class KeptEventsTest {
    private static final String ROOM = "lobby";
    private static final Instant TS = Instant.parse("2026-12-07T22:10:05.123456789Z");

    @Test
    void everyKindComesBackWithEveryField() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<RoomEvent> in = List.of(
                new RoomEvent.Message(ROOM, 1, a, "{\"x\":[1,\"é\",\"\\u0000\"],\"y\":1.50}", TS),
                new RoomEvent.Chat(ROOM, 2, 42, a, "Zoë \"z\" 🎮", "hi | there\nline", TS.plusNanos(1)),
                new RoomEvent.Presence(ROOM, true, new Member(a, "Ann", b, "node-1"), TS),
                new RoomEvent.Presence(ROOM, false, new Member(a, null, b, null), TS),
                new RoomEvent.Direct(ROOM, 7, a, b, "psst", Instant.EPOCH),
                new RoomEvent.Notice(ROOM, "{\"type\":\"mm.found\"}", Instant.parse("1969-12-31T23:59:59.5Z")),
                new RoomEvent.Message(ROOM, 7, b, "", TS));
        KeptEvents kept = new KeptEvents();
        for (int i = 0; i < in.size(); i++) {
            kept.add(i + 1, in.get(i));
        }
        List<RoomEvent> out = kept.after(ROOM, 0);
        assertThat(out).hasSize(in.size());
        for (int i = 0; i < in.size(); i++) {
            RoomEvent numbered = in.get(i).withSeq(i + 1);
            assertThat(fields(out.get(i))).isEqualTo(fields(numbered));
            assertThat(out.get(i).encode(RoomEvent.Flavour.GATEWAY))
                    .isEqualTo(numbered.encode(RoomEvent.Flavour.GATEWAY));
        }
        assertThat(kept.oldestTs()).isEqualTo(TS);
        assertThat(kept.after(ROOM, 5)).extracting(RoomEvent::ts)
                .containsExactly(Instant.parse("1969-12-31T23:59:59.5Z"), TS);
    }

    /** Random sizes, some larger than a chunk: the count, the order and the bytes hold as the oldest are dropped. */
    @Test
    void aBusyRoomKeepsItsNewestEventsAndLetsGoOfOldChunks() {
        Random random = new Random(15);
        KeptEvents kept = new KeptEvents();
        List<String> all = new ArrayList<>();
        int buffer = 64;
        for (int seq = 1; seq <= 5_000; seq++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(3 * KeptEvents.MAX_CHUNK) : random.nextInt(300);
            String data = "\"" + "é".repeat(length / 2) + "\"";
            all.add(data);
            kept.add(seq, new RoomEvent.Message(ROOM, 0, UUID.randomUUID(), data, TS.plusSeconds(seq)));
            while (kept.size() > buffer) {
                kept.dropOldest();
            }
            long oldest = Math.max(1, seq - buffer + 1);
            assertThat(kept.oldestSeq()).isEqualTo(oldest);
            assertThat(kept.oldestTs()).isEqualTo(TS.plusSeconds(oldest));
            if (seq % 97 == 0) {
                List<RoomEvent> tail = kept.after(ROOM, seq - 10);
                assertThat(tail).extracting(RoomEvent::seq).first().isEqualTo((long) seq - 9);
                assertThat(tail).extracting(e -> ((RoomEvent.Message) e).data())
                        .containsExactlyElementsOf(all.subList(seq - 10, seq));
            }
            long keptBytes = 0;
            for (int s = (int) oldest; s <= seq; s++) {
                keptBytes += all.get(s - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 41;
            }
            // what is kept; the oldest chunk's dropped start (at most a chunk); and the unused end of each chunk,
            // smaller than the record that did not fit there, which is kept too: never more than twice what is kept
            assertThat(kept.retainedBytes()).isLessThanOrEqualTo(2 * keptBytes + KeptEvents.MAX_CHUNK);
        }
        assertThat(kept.after(ROOM, 0)).hasSize(buffer);
    }

    @Test
    void anEmptiedBufferHoldsNoChunkAndNumbersOnFromTheNextEvent() {
        KeptEvents kept = new KeptEvents();
        kept.add(1, new RoomEvent.Message(ROOM, 0, UUID.randomUUID(), "1", TS));
        kept.add(2, new RoomEvent.Message(ROOM, 0, UUID.randomUUID(), "2", TS));
        kept.dropOldest();
        kept.dropOldest();
        assertThat(kept.isEmpty()).isTrue();
        assertThat(kept.retainedBytes()).isZero();
        assertThat(kept.after(ROOM, 0)).isEmpty();
        kept.add(3, new RoomEvent.Message(ROOM, 0, UUID.randomUUID(), "3", TS));
        assertThat(kept.oldestSeq()).isEqualTo(3);
        assertThat(kept.after(ROOM, 2)).extracting(RoomEvent::seq).containsExactly(3L);
        assertThat(kept.retainedBytes()).isEqualTo(KeptEvents.FIRST_CHUNK);
    }

    /** Every field an event has, for comparison (the events have no equals of their own). */
    private static List<Object> fields(RoomEvent e) {
        List<Object> f = new ArrayList<>(List.of(e.getClass(), e.room(), e.seq(), e.ts()));
        switch (e) {
            case RoomEvent.Message m -> f.addAll(List.of(m.from(), m.data()));
            case RoomEvent.Chat c -> f.addAll(java.util.Arrays.asList(c.id(), c.from(), c.displayName(), c.message()));
            case RoomEvent.Presence p -> f.addAll(List.of(p.joined(), p.member()));
            case RoomEvent.Direct d -> f.addAll(List.of(d.id(), d.from(), d.to(), d.message()));
            case RoomEvent.Notice x -> f.add(x.frame());
        }
        return f;
    }
}
