package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.presence.Member;
import dev.arena.room.RoomEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every room event survives the trip between nodes, with what clients see unchanged. */
class RoomEventCodecTest {
    private static final Instant TS = Instant.parse("2026-11-25T10:00:00.123456789Z");
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    @Test
    void everyKindRoundTripsWithItsWireTextUnchanged() {
        List<RoomEvent> events = List.of(
                new RoomEvent.Message("game:r1", 12, A, "{\"move\":[1,2],\"s\":\"a|b\"}", TS),
                new RoomEvent.Message("r", 0, A, "\"text\"", TS),
                new RoomEvent.Chat("chat:lobby", 3, 99, A, "Zoë \"Z\"", "hi\nthere 😀", TS),
                new RoomEvent.Presence("r", true, new Member(A, "Ann", B, "node-1"), TS),
                new RoomEvent.Presence("r", false, new Member(A, "Ann", B, "node-2"), TS),
                new RoomEvent.Direct("user:" + B, 5, A, B, "psst", TS),
                new RoomEvent.Notice("user:" + A, "{\"type\":\"mm.matched\",\"players\":[\"" + A + "\"]}", TS));
        for (RoomEvent e : events) {
            RoomEvent back = RoomEventCodec.decode(RoomEventCodec.encode(e));
            assertThat(back.getClass()).isEqualTo(e.getClass());
            assertThat(back.room()).isEqualTo(e.room());
            assertThat(back.seq()).isEqualTo(e.seq());
            assertThat(back.ts()).isEqualTo(TS);
            for (RoomEvent.Flavour f : RoomEvent.Flavour.values()) {
                assertThat(back.encode(f)).as("%s as %s", e, f).isEqualTo(e.encode(f));
            }
        }
        RoomEvent.Presence p = (RoomEvent.Presence) RoomEventCodec.decode(RoomEventCodec.encode(events.get(4)));
        assertThat(p.member().node()).isEqualTo("node-2");
    }

    @Test
    void theScriptsNumberPrefixIsTheSequence() {
        String payload = RoomEventCodec.payload(new RoomEvent.Message("r", 0, A, "1", TS));
        assertThat(RoomEventCodec.decode("42|" + payload).seq()).isEqualTo(42);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> RoomEventCodec.decode("{\"k\":\"m\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoomEventCodec.decode("1|{\"k\":\"z\",\"room\":\"r\",\"s\":1,\"n\":0}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z");
    }
}
