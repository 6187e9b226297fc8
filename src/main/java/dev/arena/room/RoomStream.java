package dev.arena.room;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cluster-wide side of rooms: orders each room's events, keeps the recent ones for resume, and delivers
 * events to every node that listens to the room (this one included). In-process on a single node; Redis
 * pub/sub on a cluster. Both pass {@code RoomStreamContract}.
 *
 * <p>Delivery to the {@link #onEvent listener} may happen on any thread, but for one room always in
 * sequence order.
 */
public interface RoomStream {

    /** Where delivered events go (the node's {@link RoomRegistry}). Set once, before the first event. */
    void onEvent(Consumer<RoomEvent> listener);

    /**
     * Where the stream says that it is back after an outage (Redis), once per room this node listens to, in order
     * with the room's events: the room then re-registers its members' presence (an empty restarted Redis has lost
     * it) and, when {@link Recovered#gap}, tells its members to resync. Set once, before the first event; a stream
     * that cannot be cut off (the in-process one) never calls it.
     */
    default void onRecovered(Consumer<Recovered> listener) {}

    /**
     * A listened room after an outage of the stream.
     *
     * @param gap     true when events the node did not receive are no longer kept, or the room's numbering
     *                restarted (Redis restarted empty): members cannot be brought up to date event by event
     * @param lastSeq with a gap, the room's number from which members continue (events after it follow)
     */
    record Recovered(String room, boolean gap, long lastSeq) {}

    /** Starts delivering the room's events to this node. Completes once no later event can be missed. */
    Future<Void> listen(String room);

    Future<Void> unlisten(String room);

    /**
     * Gives the event the room's next sequence number, keeps it for resume and delivers it.
     * Completes with the sequence number.
     */
    Future<Long> append(RoomEvent event);

    /** Delivers an event outside the room's stream (presence, direct messages): no number, not kept. */
    Future<Void> broadcast(RoomEvent event);

    /** The room's latest sequence number (0 before the first event). */
    Future<Long> lastSeq(String room);

    /**
     * The kept events after {@code afterSeq}, or {@link Replay.Gone} when some of them are no longer kept, or when
     * {@code afterSeq} is ahead of the room (its numbering restarted: a node restart without Redis, or an expired
     * Redis counter), so the client resyncs instead of waiting for numbers it believes it has seen.
     */
    Future<Replay> since(String room, long afterSeq);

    /**
     * Forgets a room's numbering and kept events now instead of when they expire: for a room nobody can come back to
     * (the start-up warm-up's, which must leave no trace). A stream that cannot forget at once (Redis: the warm-up
     * does not run on a cluster) lets them expire as usual.
     */
    default void forget(String room) {}

    Future<Void> close();

    sealed interface Replay {
        record Events(List<RoomEvent> events, long lastSeq) implements Replay {}

        record Gone(long oldestKept, long lastSeq) implements Replay {}
    }
}
