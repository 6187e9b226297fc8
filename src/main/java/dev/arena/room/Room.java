package dev.arena.room;

import dev.arena.common.ArenaException;
import dev.arena.common.Inbox;
import dev.arena.presence.Member;
import dev.arena.presence.PresenceStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room on this node: its local members and what each has seen. All state is touched only on the
 * room's context, through its {@link Inbox}; async results are brought back onto that context.
 */
final class Room {
    private static final Logger log = LoggerFactory.getLogger(Room.class);

    sealed interface Command {}

    record Join(RoomMember member, Long lastSeq, Object tag, Promise<Void> done) implements Command {}

    record Leave(RoomMember member, Promise<Boolean> done) implements Command {}

    record Deliver(RoomEvent event) implements Command {}

    record Recover(RoomStream.Recovered recovered) implements Command {}

    /** What one member has seen; while its join is in progress, live events wait in {@code pending}. */
    private static final class Seen {
        long lastSeq;
        List<RoomEvent> pending = new ArrayList<>();
    }

    private final String name;
    private final Context context;
    private final Inbox<Command> inbox;
    private final RoomRegistry registry;
    private final RoomStream stream;
    private final PresenceStore presence;
    private final int maxMembers;
    private final Map<RoomMember, Seen> members = new LinkedHashMap<>();
    private boolean listening;
    private boolean closed;
    /** Presence changes merged into one {@code presence.diff} per interval (see {@link PresenceBatch}). */
    private final PresenceBatch presenceBatch;
    /** The timer that looks for a due diff while changes wait; -1 when none wait. */
    private long presenceTimer = -1;
    /**
     * How often a room with waiting presence changes looks at the clock. Whether a diff is due is judged by the
     * injected clock (tests move it), so this only bounds how late after its due time a diff goes out.
     */
    static final long PRESENCE_CHECK_MS = 50;

    Room(String name, Context context, int inboxCapacity, RoomRegistry registry, RoomStream stream,
         PresenceStore presence, int maxMembers) {
        this.name = name;
        this.context = context;
        this.registry = registry;
        this.stream = stream;
        this.presence = presence;
        this.maxMembers = maxMembers;
        this.inbox = new Inbox<>(inboxCapacity, 256, context, this::handle);
        this.presenceBatch = new PresenceBatch(name);
    }

    boolean offer(Command c) {
        return inbox.offer(c);
    }

    void force(Command c) {
        inbox.force(c);
    }

    private void handle(Command c) {
        switch (c) {
            case Join j -> join(j);
            case Leave l -> leave(l);
            case Deliver d -> deliver(d.event());
            case Recover r -> recover(r.recovered());
        }
    }

    private void join(Join j) {
        if (closed) {
            j.done().fail(RoomRegistry.RETRY);
            return;
        }
        if (members.containsKey(j.member())) {
            j.done().fail(new ArenaException.Conflict("already in room " + name));
            return;
        }
        if (members.size() >= maxMembers) {
            j.done().fail(new ArenaException.Rejected("room_full", "room " + name + " is full"));
            return;
        }
        Seen seen = new Seen();
        members.put(j.member(), seen);
        Future<Void> listened = listening ? Future.succeededFuture() : stream.listen(name);
        listening = true;
        Member me = j.member().presence();
        Future<RoomStream.Replay> replay = listened.compose(v -> j.lastSeq() == null
                ? stream.lastSeq(name).map(s -> new RoomStream.Replay.Events(List.of(), s))
                : stream.since(name, j.lastSeq()));
        Future<PresenceStore.Page> page = Rooms.isPrivate(name) ? Future.succeededFuture(PresenceStore.Page.EMPTY)
                : presence.add(name, me).compose(v -> presence.page(name, 0, RoomMember.Joined.MEMBERS_SHOWN));
        Future.all(replay, page).onComplete(ar -> context.runOnContext(v -> {
            if (members.get(j.member()) != seen) {
                // Left (or disconnected) while joining: its leave may have reached the presence store
                // before this join's add did, so remove it again.
                if (!Rooms.isPrivate(name)) {
                    presence.remove(name, me);
                }
                j.done().tryFail(new ArenaException.Conflict("left room " + name + " while joining"));
                return;
            }
            if (ar.failed()) {
                members.remove(j.member());
                if (!Rooms.isPrivate(name)) {
                    presence.remove(name, me);
                }
                closeIfEmpty();
                j.done().fail(ar.cause());
                return;
            }
            finishJoin(j, seen, replay.result(), page.result());
        }));
    }

    private void finishJoin(Join j, Seen seen, RoomStream.Replay replay, PresenceStore.Page page) {
        boolean resync = false;
        switch (replay) {
            case RoomStream.Replay.Events ev -> {
                for (RoomEvent e : ev.events()) {
                    j.member().deliver(e);
                }
                seen.lastSeq = ev.lastSeq();
            }
            case RoomStream.Replay.Gone gone -> {
                resync = true;
                seen.lastSeq = gone.lastSeq();
            }
        }
        j.member().joined(new RoomMember.Joined(name, seen.lastSeq, page.members(), page.total(), resync, j.tag()));
        List<RoomEvent> waiting = seen.pending;
        seen.pending = null;
        for (RoomEvent e : waiting) {
            deliverTo(j.member(), seen, e);
        }
        j.done().complete();
    }

    /**
     * After an outage of the stream: the members' presence is written again (idempotent; a Redis that restarted
     * empty had lost it). With a gap, each joined member is told to resync ({@code error resync}, then
     * {@code room.joined} from the room's current number, as for a resume whose events are gone) and its live
     * events wait until then; the other nodes' members hear this node's members join again, since a list they
     * read for their own resync may have been taken before these were written back.
     */
    private void recover(RoomStream.Recovered r) {
        if (closed) {
            return;
        }
        boolean shown = !Rooms.isPrivate(name);
        List<Future<Void>> added = new ArrayList<>();
        if (shown) {
            for (RoomMember m : members.keySet()) {
                added.add(presence.add(name, m.presence()).compose(v -> !r.gap() ? Future.<Void>succeededFuture()
                        : stream.broadcast(new RoomEvent.Presence(name, true, m.presence(), registry.clock().instant()))));
            }
        }
        Future<Void> readded = Future.join(added).<Void>mapEmpty().onFailure(e -> log.warn(
                "room {}: presence of its members on this node not written back after an outage ({}); they "
                        + "reappear when they re-join", name, e.toString()));
        if (!r.gap()) {
            return;
        }
        Map<RoomMember, Seen> resyncing = new LinkedHashMap<>();
        members.forEach((m, seen) -> {
            if (seen.pending == null) { // a member still joining reads the room's number itself
                seen.pending = new ArrayList<>();
                seen.lastSeq = r.lastSeq();
                resyncing.put(m, seen);
            }
        });
        Future<PresenceStore.Page> page = shown
                ? readded.transform(ar -> presence.page(name, 0, RoomMember.Joined.MEMBERS_SHOWN))
                : Future.succeededFuture(PresenceStore.Page.EMPTY);
        page.onComplete(ar -> context.runOnContext(v -> resynced(r.lastSeq(), resyncing,
                ar.succeeded() ? ar.result() : PresenceStore.Page.EMPTY)));
    }

    private void resynced(long lastSeq, Map<RoomMember, Seen> resyncing, PresenceStore.Page page) {
        resyncing.forEach((m, seen) -> {
            if (members.get(m) != seen) {
                return; // left meanwhile
            }
            m.joined(new RoomMember.Joined(name, lastSeq, page.members(), page.total(), true, null));
            List<RoomEvent> waiting = seen.pending;
            seen.pending = null;
            for (RoomEvent e : waiting) {
                deliverTo(m, seen, e);
            }
        });
    }

    private void leave(Leave l) {
        Seen seen = members.remove(l.member());
        l.done().complete(seen != null);
        closeIfEmpty();
    }

    private void closeIfEmpty() {
        if (members.isEmpty() && !closed) {
            closed = true;
            stopPresenceTimer(); // nobody left to tell
            registry.removed(name, this);
            if (listening) {
                stream.unlisten(name);
            }
        }
    }

    private void deliver(RoomEvent e) {
        if (e instanceof RoomEvent.Presence p) {
            presenceBatch.add(p);
            flushPresence();
            if (!presenceBatch.isEmpty() && presenceTimer < 0 && !closed) {
                presenceTimer = context.owner().setPeriodic(PRESENCE_CHECK_MS,
                        id -> context.runOnContext(v -> flushPresence()));
            }
            return;
        }
        deliverNow(e);
    }

    /** Sends the merged presence changes when a diff is due (the first change after a quiet interval: at once). */
    private void flushPresence() {
        long now = registry.clock().millis();
        if (presenceBatch.due(now, members.size())) {
            deliverNow(new RoomEvent.Notice(name, presenceBatch.drain(now), registry.clock().instant()));
        }
        if (presenceBatch.isEmpty()) {
            stopPresenceTimer();
        }
    }

    private void stopPresenceTimer() {
        if (presenceTimer >= 0) {
            context.owner().cancelTimer(presenceTimer);
            presenceTimer = -1;
        }
    }

    private void deliverNow(RoomEvent e) {
        for (Map.Entry<RoomMember, Seen> m : members.entrySet()) {
            Seen seen = m.getValue();
            if (seen.pending != null) {
                seen.pending.add(e);
            } else {
                deliverTo(m.getKey(), seen, e);
            }
        }
        registry.delivered(e, members.size());
    }

    private static void deliverTo(RoomMember member, Seen seen, RoomEvent e) {
        if (e.seq() == 0) {
            member.deliver(e);
        } else if (e.seq() > seen.lastSeq) {
            seen.lastSeq = e.seq();
            member.deliver(e);
        }
    }
}
