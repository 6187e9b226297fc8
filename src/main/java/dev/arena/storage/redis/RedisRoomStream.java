package dev.arena.storage.redis;

import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's room stream in Redis. Per room: a counter {@code arena:room:{<room>}:seq}, the resume buffer
 * {@code arena:room:{<room>}:log} (a list of the last {@code bufferSize} numbered events) and the channel
 * {@code arena:room:<room>}. One Lua script per event numbers it, keeps it and publishes it, atomically: Redis
 * runs scripts one at a time, so the order of numbers is the order of publication, and every node (receiving on
 * one subscriber connection) sees one room's events in sequence order.
 *
 * <p>Writes (appends and broadcasts) go through one dedicated connection, so events sent from one thread (one
 * client's event loop) are numbered in the order they were sent; reads use the pooled client.
 *
 * <p>The resume window is judged by the injected clock against each event's timestamp, as in the local
 * stream; Redis expiry only bounds memory ({@code log} lives {@code window} + 1 minute after the last append,
 * {@code seq} 7 days, so an idle room's numbering does not restart under connected members).
 *
 * <p>After a Redis outage the subscriber re-subscribes; each listened room then replays, from the resume
 * buffer, the numbered events it missed (holding live ones back until then), so members see no gap when the
 * outage was shorter than the buffer; otherwise (or when Redis came back empty) the room is told of the gap
 * ({@link #onRecovered}) and its members resync. Unnumbered events (presence, direct messages) published during the
 * outage are lost.
 */
public final class RedisRoomStream implements RoomStream {
    private static final Logger log = LoggerFactory.getLogger(RedisRoomStream.class);
    static final Duration SEQ_TTL = Duration.ofDays(7);
    private static final Duration LOG_SLACK = Duration.ofMinutes(1);

    /** KEYS: seq, log. ARGV: payload, buffer size, log ttl ms, seq ttl ms, channel. Returns the number. */
    private static final LuaScript APPEND = new LuaScript("""
            local seq = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            local entry = seq .. '|' .. ARGV[1]
            local size = tonumber(ARGV[2])
            if size > 0 then
              redis.call('RPUSH', KEYS[2], entry)
              redis.call('LTRIM', KEYS[2], -size, -1)
              redis.call('PEXPIRE', KEYS[2], ARGV[3])
            end
            redis.call('PUBLISH', ARGV[5], entry)
            return seq
            """);

    /**
     * KEYS: seq, log. ARGV: after. Returns {last, oldest in the list, entries after 'after'} (entries only when
     * all of them are still in the list). Numbers in the list are consecutive, so positions follow from them.
     */
    private static final LuaScript SINCE = new LuaScript("""
            local last = tonumber(redis.call('GET', KEYS[1]) or '0')
            local after = tonumber(ARGV[1])
            local len = redis.call('LLEN', KEYS[2])
            local oldest = last - len + 1
            if after >= last or after + 1 < oldest then
              return {last, oldest}
            end
            return {last, oldest, redis.call('LRANGE', KEYS[2], after + 1 - oldest, -1)}
            """);


    private final Redis client;
    private final RedisSubscriber subscriber;
    private final DedicatedConnection writes;
    private final int bufferSize;
    private final Duration window;
    private final Clock clock;
    private final Context context;
    private final RedisEpoch epochs;
    /** Rooms this node listens to, with what each has received; subscriber context only. */
    private final Map<String, Listened> listened = new HashMap<>();
    private volatile Consumer<RoomEvent> listener = e -> { };
    private volatile Consumer<Recovered> recovered = r -> { };
    /** The Redis data this node numbers against; subscriber context only. */
    private String epoch;

    private static final class Listened {
        int refs;
        long lastSeq;
        /** Live events held back while the room catches up after an outage; null otherwise. */
        List<RoomEvent> held;
    }

    RedisRoomStream(Redis client, RedisSubscriber subscriber, RedisEpoch epochs, int bufferSize, Duration window,
                    Clock clock) {
        this.client = client;
        this.epochs = epochs;
        this.subscriber = subscriber;
        this.bufferSize = bufferSize;
        this.window = window;
        this.clock = clock;
        this.context = subscriber.context();
        this.writes = new DedicatedConnection(client, context, "room stream writes", c -> Future.succeededFuture());
        subscriber.onResubscribed(this::catchUp);
    }

    /** Connects the write connection and learns the epoch of Redis's data. */
    public Future<Void> start() {
        return writes.start().compose(v -> epochs.known() == null ? epochs.start() : epoch()).compose(e -> {
            context.runOnContext(x -> epoch = e);
            return Future.<Void>succeededFuture();
        });
    }

    /** The stored epoch; a change also makes the node write back what it owns ({@link RedisEpoch#onLost}). */
    private Future<String> epoch() {
        return epochs.check();
    }

    public boolean up() {
        return writes.up() && subscriber.up();
    }

    static String seqKey(String room) {
        return "arena:room:{" + room + "}:seq";
    }

    static String logKey(String room) {
        return "arena:room:{" + room + "}:log";
    }

    static String channel(String room) {
        return "arena:room:" + room;
    }

    @Override
    public void onEvent(Consumer<RoomEvent> l) {
        this.listener = l;
    }

    @Override
    public void onRecovered(Consumer<Recovered> l) {
        this.recovered = l;
    }

    @Override
    public Future<Void> listen(String room) {
        context.runOnContext(v -> listened.computeIfAbsent(room, r -> new Listened()).refs++);
        return subscriber.subscribe(channel(room), this::received);
    }

    @Override
    public Future<Void> unlisten(String room) {
        context.runOnContext(v -> {
            Listened l = listened.get(room);
            if (l != null && --l.refs <= 0) {
                listened.remove(room);
            }
        });
        return subscriber.unsubscribe(channel(room));
    }

    @Override
    public Future<Long> append(RoomEvent event) {
        String room = event.room();
        return APPEND.run(writes::send, List.of(seqKey(room), logKey(room)), List.of(RoomEventCodec.payload(event),
                        Integer.toString(bufferSize), Long.toString(window.plus(LOG_SLACK).toMillis()),
                        Long.toString(SEQ_TTL.toMillis()), channel(room)))
                .map(Response::toLong);
    }

    @Override
    public Future<Void> broadcast(RoomEvent event) {
        return writes.send(Request.cmd(Command.PUBLISH).arg(channel(event.room())).arg(RoomEventCodec.encode(event)))
                .mapEmpty();
    }

    @Override
    public Future<Long> lastSeq(String room) {
        return client.send(Request.cmd(Command.GET).arg(seqKey(room))).map(r -> r == null ? 0L : r.toLong());
    }

    @Override
    public Future<Replay> since(String room, long afterSeq) {
        return SINCE.run(client::send, List.of(seqKey(room), logKey(room)), List.of(Long.toString(afterSeq)))
                .map(r -> replay(r, afterSeq));
    }

    private Replay replay(Response r, long afterSeq) {
        long last = r.get(0).toLong();
        long oldest = r.get(1).toLong();
        if (afterSeq == last) {
            return new Replay.Events(List.of(), last);
        }
        if (afterSeq > last) {
            return new Replay.Gone(last + 1, last); // the client saw numbers this room no longer has
        }
        if (r.size() < 3) {
            return new Replay.Gone(oldest, last);
        }
        // The window, judged by this node's clock: kept events start at the first one young enough.
        Instant cutoff = clock.instant().minus(window);
        List<RoomEvent> events = new ArrayList<>(r.get(2).size());
        for (Response entry : r.get(2)) {
            RoomEvent e = RoomEventCodec.decode(entry.toString());
            if (events.isEmpty() && e.ts().isBefore(cutoff)) {
                oldest = e.seq() + 1;
                continue;
            }
            events.add(e);
        }
        return afterSeq + 1 < oldest ? new Replay.Gone(oldest, last) : new Replay.Events(events, last);
    }

    /** A message on a room channel; on the subscriber context, in publication order. */
    private void received(String wire) {
        RoomEvent e;
        try {
            e = RoomEventCodec.decode(wire);
        } catch (RuntimeException ex) {
            log.warn("skipped an undecodable room event ({}): {}", ex.getMessage(),
                    wire.length() > 200 ? wire.substring(0, 200) + "..." : wire);
            return;
        }
        Listened l = listened.get(e.room());
        if (l != null && l.held != null) {
            l.held.add(e);
        } else {
            deliver(l, e);
        }
    }

    private void deliver(Listened l, RoomEvent e) {
        if (l != null && e.seq() > l.lastSeq) {
            l.lastSeq = e.seq();
        }
        listener.accept(e);
    }

    /**
     * After an outage: every listened room replays what it missed from the buffer, then its held events. When
     * the missed events are gone, the room hears of the gap and tells its members to resync from the room's current
     * number. When Redis lost its data (its epoch, {@code arena:epoch}, changed: a restart without persistence),
     * every room's numbering began again at 1, possibly up to the very number the node had seen, so numbers alone
     * cannot show the loss: members resync from 0 and get every event numbered anew that is still kept, and
     * nothing new is dropped as already seen.
     */
    private void catchUp() {
        Map<String, Listened> rooms = new HashMap<>();
        listened.forEach((room, l) -> {
            if (l.held == null) { // else already catching up
                l.held = new ArrayList<>();
                rooms.put(room, l);
            }
        });
        epoch().onComplete(ar -> context.runOnContext(v -> {
            boolean lost = ar.succeeded() && !ar.result().equals(epoch);
            if (lost) {
                // every counter began again at 1: numbers alone cannot show what the node missed
                log.warn("Redis came back without its data (epoch {} is now {}); the rooms of this node resync",
                        epoch, ar.result());
                epoch = ar.result();
            }
            rooms.forEach((room, l) -> replay(room, l, lost));
        }));
    }

    private void replay(String room, Listened l, boolean lost) {
        long from = lost ? 0 : l.lastSeq;
        since(room, from).onComplete(ar -> context.runOnContext(v -> {
            if (ar.succeeded() && ar.result() instanceof Replay.Events ev) {
                boolean gap = lost && l.lastSeq > 0;
                l.lastSeq = from;
                recovered.accept(new Recovered(room, gap, from));
                ev.events().forEach(e -> deliver(l, e));
            } else if (ar.succeeded() && ar.result() instanceof Replay.Gone gone) {
                if (gone.lastSeq() < from) {
                    log.warn("room {}: its numbering went back from {} to {} during a Redis outage; members on this "
                            + "node resync", room, from, gone.lastSeq());
                } else {
                    log.warn("room {}: events {}..{} passed during a Redis outage and are no longer kept; members "
                            + "on this node resync", room, from + 1, gone.oldestKept() - 1);
                }
                l.lastSeq = gone.lastSeq();
                recovered.accept(new Recovered(room, true, gone.lastSeq()));
            } else if (ar.failed()) {
                log.warn("room {}: could not replay events missed during a Redis outage", room, ar.cause());
            }
            List<RoomEvent> held = l.held;
            l.held = null;
            for (RoomEvent e : held) {
                if (e.seq() == 0 || e.seq() > l.lastSeq) {
                    deliver(l, e);
                }
            }
        }));
    }

    @Override
    public Future<Void> close() {
        return writes.close();
    }
}
