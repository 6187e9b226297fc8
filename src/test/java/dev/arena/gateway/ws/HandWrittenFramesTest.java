package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Json;
import dev.arena.presence.Member;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The frames written by hand (room.joined, presence.list) are byte for byte what Jackson writes for them. */
class HandWrittenFramesTest {
    private static final List<Member> MEMBERS = List.of(
            new Member(UUID.randomUUID(), "ann", UUID.randomUUID(), "node-a"),
            new Member(UUID.randomUUID(), "quote \" back\\slash \n tab\t ü 😀 \u0001", UUID.randomUUID(), "node-b"),
            new Member(UUID.randomUUID(), null, UUID.randomUUID(), null));

    @Test
    void aMemberIsWrittenAsJacksonWritesItWithoutItsNode() {
        for (Member m : MEMBERS) {
            assertThat(m.appendJson(new StringBuilder()).toString()).isEqualTo(Json.encodeToString(m));
        }
        assertThat(Member.appendJson(new StringBuilder(), MEMBERS).toString()).isEqualTo(Json.encodeToString(MEMBERS))
                .doesNotContain("node-a");
    }

    @Test
    void roomJoinedAndPresenceListMatchJacksonForEveryKindOfRid() {
        for (Object rid : new Object[] {null, "r1", 42, 4.5, "with \"quotes\""}) {
            for (List<Member> members : List.of(List.<Member>of(), MEMBERS)) {
                var joined = new ServerMessage.RoomJoined(rid, "room \"x\"", 17, members, 250);
                assertThat(joined.encode()).isEqualTo(Json.encodeToString(joined));
                var page = new ServerMessage.PresenceList(rid, "lobby", members, 3, 250);
                assertThat(page.encode()).isEqualTo(Json.encodeToString(page));
            }
        }
    }
}
