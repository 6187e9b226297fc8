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

    /** Removes every member held by {@code node} (a node that stopped); returns what was removed, per room. */
    Future<List<Removed>> removeNode(String node);

    record Removed(String room, Member member) {}
}
