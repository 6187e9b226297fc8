package dev.arena.storage.local;

import dev.arena.presence.Member;
import dev.arena.presence.PresenceStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Single-node presence: a concurrent map of rooms to their members in join order. */
public final class LocalPresenceStore implements PresenceStore {
    private final Map<String, Set<Member>> rooms = new ConcurrentHashMap<>();

    @Override
    public Future<Void> add(String room, Member member) {
        rooms.computeIfAbsent(room, r -> java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>()))
                .add(member);
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> remove(String room, Member member) {
        boolean[] removed = {false};
        rooms.computeIfPresent(room, (r, set) -> {
            removed[0] = set.remove(member);
            return set.isEmpty() ? null : set;
        });
        return Future.succeededFuture(removed[0]);
    }

    @Override
    public Future<List<Member>> list(String room) {
        Set<Member> set = rooms.get(room);
        if (set == null) {
            return Future.succeededFuture(List.of());
        }
        synchronized (set) {
            return Future.succeededFuture(List.copyOf(set));
        }
    }

    @Override
    public Future<Page> page(String room, int offset, int limit) {
        Set<Member> set = rooms.get(room);
        if (set == null) {
            return Future.succeededFuture(Page.EMPTY);
        }
        synchronized (set) { // walks to the page only: a join costs the page, not the room
            List<Member> page = new ArrayList<>(Math.max(0, Math.min(limit, set.size() - offset)));
            int i = 0;
            for (Member m : set) {
                if (i++ < offset) {
                    continue;
                }
                if (page.size() >= limit) {
                    break;
                }
                page.add(m);
            }
            return Future.succeededFuture(new Page(List.copyOf(page), set.size()));
        }
    }

    @Override
    public Future<List<Removed>> removeNode(String node) {
        List<Removed> out = new ArrayList<>();
        for (String room : List.copyOf(rooms.keySet())) {
            for (Member m : list(room).result()) {
                if (m.node().equals(node) && remove(room, m).result()) {
                    out.add(new Removed(room, m));
                }
            }
        }
        return Future.succeededFuture(out);
    }
}
