package dev.arena.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatRoomsTest {
    // UUID.compareTo compares signed longs: it puts 8… after 1… the other way round from the strings.
    private static final UUID LOW_STRING = UUID.fromString("10000000-0000-0000-0000-00000000000a");
    private static final UUID HIGH_STRING = UUID.fromString("80000000-0000-0000-0000-00000000000b");

    @Test
    void directRoomIsOrderedByTheCanonicalStringsWhoeverSends() {
        assertThat(HIGH_STRING.compareTo(LOW_STRING)).isNegative(); // the trap
        String room = "dm:10000000-0000-0000-0000-00000000000a:80000000-0000-0000-0000-00000000000b";
        assertThat(ChatRooms.direct(LOW_STRING, HIGH_STRING)).isEqualTo(room);
        assertThat(ChatRooms.direct(HIGH_STRING, LOW_STRING)).isEqualTo(room);
        assertThat(ChatRooms.participants(room)).contains(new ChatRooms.Participants(LOW_STRING, HIGH_STRING));
    }

    @Test
    void anyPairRoundTrips() {
        for (int i = 0; i < 100; i++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            String room = ChatRooms.direct(a, b);
            assertThat(room).hasSize(76).isEqualTo(ChatRooms.direct(b, a));
            var p = ChatRooms.participants(room).orElseThrow();
            assertThat(p.includes(a) && p.includes(b)).isTrue();
            assertThat(p.includes(UUID.randomUUID())).isFalse();
        }
    }

    @Test
    void onlyCanonicalDirectRoomsParse() {
        String a = LOW_STRING.toString();
        String b = HIGH_STRING.toString();
        for (String bad : new String[] {"dm:" + b + ":" + a, "dm:" + a + ":" + a, "dm:" + a, "dm:" + a + ":" + b + ":",
                "dm:" + a.toUpperCase() + ":" + b, "dm:x:y", "lobby", "", null}) {
            assertThat(ChatRooms.participants(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> ChatRooms.requireReadable("dm:" + b + ":" + a))
                .isInstanceOfSatisfying(ArenaException.Invalid.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("room"));
    }

    @Test
    void ordinaryNamesFollowTheGatewayRules() {
        for (String ok : new String[] {"lobby", "chat:lobby", "game:42", "a", "A-Z_a.z:0-9", "r".repeat(64)}) {
            ChatRooms.requirePostable(ok);
            ChatRooms.requireReadable(ok);
        }
        for (String bad : new String[] {"", "r".repeat(65), "with space", "ünïcode", "slash/room", "q?x"}) {
            assertThatThrownBy(() -> ChatRooms.requirePostable(bad)).as(bad).isInstanceOf(ArenaException.Invalid.class);
            assertThatThrownBy(() -> ChatRooms.requireReadable(bad)).as(bad).isInstanceOf(ArenaException.Invalid.class);
        }
        assertThatThrownBy(() -> ChatRooms.requirePostable("user:me")).isInstanceOf(ArenaException.Forbidden.class);
        assertThatThrownBy(() -> ChatRooms.requirePostable(ChatRooms.direct(LOW_STRING, HIGH_STRING)))
                .isInstanceOf(ArenaException.Forbidden.class);
    }
}
