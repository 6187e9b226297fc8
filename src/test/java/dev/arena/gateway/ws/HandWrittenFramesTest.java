package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Json;
import dev.arena.presence.Member;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The frames written by hand (room.joined, presence.list) are byte for byte what Jackson writes for them, also when
 * room.joined's members come from the page kept for the last join ({@link MemberPageJson}).
 */
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

    @Test
    void roomJoinedWritesTheMembersOfEachJoinWhetherTheLastPageWasTheSameOrNot() {
        List<Member> hundred = IntStream.range(0, 100)
                .mapToObj(i -> new Member(UUID.randomUUID(), "player " + i + " ü", UUID.randomUUID(), "n")).toList();
        List<Member> growing = new ArrayList<>(MEMBERS);
        for (List<Member> members : List.of(hundred, hundred, MEMBERS, hundred, growing, List.<Member>of())) {
            var joined = new ServerMessage.RoomJoined("j1", "lobby", 9, members, 4_000);
            assertThat(joined.encode()).isEqualTo(Json.encodeToString(joined));
        }
        growing.add(new Member(UUID.randomUUID(), "late", UUID.randomUUID(), "n")); // the same list, changed
        var joined = new ServerMessage.RoomJoined("j2", "lobby", 9, growing, 4_000);
        assertThat(joined.encode()).isEqualTo(Json.encodeToString(joined)).contains("\"late\"");
    }

    /**
     * Filling a big room sends every joiner the same first 100 members: their array is written once, so a join's frame
     * allocates about its own bytes (about 13 KB here), not the six times that writing the members each time did.
     */
    @Test
    void aJoinWithTheLastJoinsMembersAllocatesLittleMoreThanItsFrame() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Member> hundred = IntStream.range(0, 100)
                .mapToObj(i -> new Member(UUID.randomUUID(), "bench-player-" + i, UUID.randomUUID(), "n")).toList();
        int frameBytes = new ServerMessage.RoomJoined("j", "big", 1, hundred, 5_000).frame().utf8().length;
        for (int i = 0; i < 2_000; i++) { // warm: the JIT's allocations are not the frame's
            new ServerMessage.RoomJoined("j" + i, "big", i, hundred, 5_000).frame();
        }
        int joins = 1_000;
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
        for (int i = 0; i < joins; i++) {
            new ServerMessage.RoomJoined("j" + i, "big", i, hundred, 5_000).frame();
        }
        double perJoin = (double) (mx.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before) / joins;
        System.out.printf("room.joined of 100 members: %.0f bytes allocated per join, frame %d bytes%n", perJoin,
                frameBytes);
        assertThat(perJoin).isLessThan(2.0 * frameBytes);
    }
}
