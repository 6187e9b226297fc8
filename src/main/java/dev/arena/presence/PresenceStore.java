package dev.arena.presence;

import io.vertx.core.Future;
import java.util.List;

/**
 * Who is in which room, across the cluster: in-process on a single node, Redis hashes on a cluster.
 * Both implementations pass {@code PresenceStoreContract}.
 */
public interface PresenceStore {

    Future<Void> add(String room, Member member);

    /** True when the member was present. */
    Future<Boolean> remove(String room, Member member);

    /** Members in join order where the implementation can tell, else in no particular order. */
    Future<List<Member>> list(String room);

    /**
     * {@code limit} members from {@code offset} in {@link #list} order, and how many the room has. Every join shows
     * the first page: an implementation that can page without copying the whole room should (the local store does;
     * copying 5,000 members per join made filling a room quadratic).
     */
    default Future<Page> page(String room, int offset, int limit) {
        return list(room).map(all -> Page.of(all, offset, limit));
    }

    /** One page of a room's members and the room's member count. */
    record Page(List<Member> members, int total) {
        public static final Page EMPTY = new Page(List.of(), 0);

        /** The page of {@code all} from {@code offset}, at most {@code limit} long. */
        public static Page of(List<Member> all, int offset, int limit) {
            int from = Math.min(Math.max(offset, 0), all.size());
            int to = (int) Math.min((long) from + Math.max(limit, 0), all.size());
            return new Page(List.copyOf(all.subList(from, to)), all.size());
        }
    }

    /** Removes every member held by {@code node} (a node that stopped); returns what was removed, per room. */
    Future<List<Removed>> removeNode(String node);

    record Removed(String room, Member member) {}
}
