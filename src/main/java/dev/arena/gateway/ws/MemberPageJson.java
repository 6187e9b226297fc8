package dev.arena.gateway.ws;

import dev.arena.presence.Member;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The UTF-8 JSON array of a {@code room.joined}'s members, kept per thread for the last page written. Filling a big
 * room sends every joiner the same first 100 members (join order), so the array is written once and copied after:
 * writing it for each of 5,000 joins into one room was half of what the server allocated in that storm (JFR:
 * 350 of 740 MB; 95 KB per join in {@code HandWrittenFramesTest}), when the collector took a fifth of its CPU. A page
 * that differs (a small room, a member who left) costs one comparison of at most 100 members, then is written as
 * before.
 */
final class MemberPageJson {
    /**
     * Per thread: a room's joins all run on its shard's event loop ({@code Room.finishJoin} calls
     * {@code Connection.joined} there), so the joiners of one big room meet the same page; the bytes never leave the
     * thread (each frame copies them).
     */
    private static final ThreadLocal<MemberPageJson> LAST = ThreadLocal.withInitial(MemberPageJson::new);

    private List<Member> members = List.of();
    private byte[] json = {'[', ']'};

    private MemberPageJson() {
    }

    /** {@code members} as a JSON array in UTF-8; the same array for an equal page: read it, never change it. */
    static byte[] of(List<Member> members) {
        MemberPageJson last = LAST.get();
        if (!last.members.equals(members)) { // List.equals: sizes differ at the first missing element
            last.members = List.copyOf(members); // the caller's list may change after this
            last.json = Member.appendJson(new StringBuilder(2 + members.size() * 120), last.members).toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        return last.json;
    }
}
