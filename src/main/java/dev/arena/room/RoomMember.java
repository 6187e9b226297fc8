package dev.arena.room;

import dev.arena.presence.Member;
import java.util.List;

/** What a room needs from one of its members (a gateway connection). Called on the room's context. */
public interface RoomMember {

    Member presence();

    /** An event for this member, already filtered to those it has not seen. Must not block. */
    void deliver(RoomEvent event);

    /** The join finished: sent before any live event of the room reaches this member. */
    void joined(Joined result);

    /**
     * @param resync true when the requested {@code last_seq} was older than the resume buffer: the member is
     *               joined from {@code seq} on, and should page chat history for the gap
     * @param members the first {@link #MEMBERS_SHOWN} of the room's {@code memberCount} members
     * @param tag    whatever the caller passed to {@code join} (the gateway passes the request id)
     */
    record Joined(String room, long seq, List<Member> members, int memberCount, boolean resync, Object tag) {
        /** Members a join shows (the first in join order; page the rest): 1,000 members would be ~120 KB. */
        public static final int MEMBERS_SHOWN = 100;
    }
}
