package dev.arena.room;

import dev.arena.common.ArenaException;
import dev.arena.presence.Member;
import dev.arena.presence.PresenceStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's rooms. Each room is owned by one of a fixed set of shard contexts (chosen by the room name's
 * hash, spreading rooms over the event loops); everything that touches a room goes through its inbox.
 * Events from the {@link RoomStream} (this node's or other nodes') are handed to the owning room.
 */
public final class RoomRegistry {
    /** A join raced with the room closing: try again on a fresh room. */
    static final ArenaException RETRY = new ArenaException.Unavailable("room is closing; retry");

    /** Observations the registry reports (implemented by the gateway's metrics). */
    public interface Listener {
        void delivered(RoomEvent event, int members);

        void dropped(RoomEvent event);
    }

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Context[] shards;
    private final RoomStream stream;
    private final PresenceStore presence;
    private final int maxMembers;
    private final int inboxCapacity;
    private final Clock clock;
    private volatile Listener listener = new Listener() {
        public void delivered(RoomEvent event, int members) { }
        public void dropped(RoomEvent event) { }
    };

    public RoomRegistry(List<Context> shards, RoomStream stream, PresenceStore presence, int maxMembers,
                        int inboxCapacity, Clock clock) {
        this.shards = shards.toArray(Context[]::new);
        this.stream = stream;
        this.presence = presence;
        this.maxMembers = maxMembers;
        this.inboxCapacity = inboxCapacity;
        this.clock = clock;
        stream.onEvent(this::deliver);
        stream.onRecovered(this::recovered);
    }

    public void listener(Listener l) {
        this.listener = l;
    }

    public RoomStream stream() {
        return stream;
    }

    public PresenceStore presence() {
        return presence;
    }

    public int size() {
        return rooms.size();
    }

    /** Whether this node has the room open (it has members, or is still closing). */
    public boolean hosts(String name) {
        return rooms.containsKey(name);
    }

    /**
     * Joins {@code member} to the room; with {@code lastSeq}, the events after it are replayed first.
     * Announces the new member to the room once joined.
     */
    public Future<Void> join(String name, RoomMember member, Long lastSeq, Object tag) {
        Future<Void> joined = joinOnce(name, member, lastSeq, tag, 3);
        return Rooms.isPrivate(name) ? joined
                : joined.compose(v -> stream.broadcast(new RoomEvent.Presence(name, true, member.presence(),
                        clock.instant())));
    }

    private Future<Void> joinOnce(String name, RoomMember member, Long lastSeq, Object tag, int attempts) {
        Promise<Void> done = Promise.promise();
        Room room = rooms.computeIfAbsent(name, this::create);
        if (!room.offer(new Room.Join(member, lastSeq, tag, done))) {
            return Future.failedFuture(new ArenaException.Rejected("busy", "room " + name + " is busy; retry"));
        }
        return done.future().recover(e -> e == RETRY && attempts > 1
                ? joinOnce(name, member, lastSeq, tag, attempts - 1)
                : Future.failedFuture(e));
    }

    /** Removes the member and announces it left; true when it was in the room. */
    public Future<Boolean> leave(String name, RoomMember member) {
        Room room = rooms.get(name);
        Member me = member.presence();
        Promise<Boolean> done = Promise.promise();
        if (room == null) {
            done.complete(false);
        } else {
            room.force(new Room.Leave(member, done)); // a lost leave would leak the member
        }
        if (Rooms.isPrivate(name)) {
            return done.future();
        }
        return done.future().compose(was -> presence.remove(name, me).compose(present -> present
                ? stream.broadcast(new RoomEvent.Presence(name, false, me, clock.instant())).map(true)
                : Future.succeededFuture(was)));
    }

    private Room create(String name) {
        Context ctx = shards[Math.floorMod(name.hashCode(), shards.length)];
        return new Room(name, ctx, inboxCapacity, this, stream, presence, maxMembers);
    }

    /** The node's clock: rooms judge their presence diffs by it. */
    Clock clock() {
        return clock;
    }

    void removed(String name, Room room) {
        rooms.remove(name, room);
    }

    /** An event from the stream: handed to the owning room, if this node has one. */
    void deliver(RoomEvent event) {
        Room room = rooms.get(event.room());
        if (room != null && !room.offer(new Room.Deliver(event))) {
            listener.dropped(event);
        }
    }

    /** The stream is back after an outage: the room (forced in, in order with its events) catches up. */
    private void recovered(RoomStream.Recovered r) {
        Room room = rooms.get(r.room());
        if (room != null) {
            room.force(new Room.Recover(r));
        }
    }

    void delivered(RoomEvent event, int members) {
        listener.delivered(event, members);
    }
}
