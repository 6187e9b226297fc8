package dev.arena.gateway.ws;

import dev.arena.room.RoomEvent;
import dev.arena.room.RoomRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters of the real-time gateway. Message-type tags are limited to the protocol's types (plus "invalid"). */
final class GatewayMetrics implements RoomRegistry.Listener {
    private static final Set<String> TYPES = Set.of("ping", "room.join", "room.leave", "room.send", "chat.send",
            "chat.history", "dm.send", "presence.list", "legacy.game", "legacy.chat", "match.join", "match.spectate", "match.input",
            "match.leave", "mm.enqueue", "mm.cancel");

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Counter bytesIn;
    private final Counter framesOut;
    private final Counter bytesOut;
    private final Counter flushes;
    private final Counter overflows;
    private final Counter rateLimited;
    private final Counter abuseCloses;
    private final Counter revokedCloses;
    private final Counter deliveries;
    private final Counter dropped;
    private final Timer latency;

    GatewayMetrics(MeterRegistry registry, RoomRegistry rooms, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("arena.ws.connections", connections, AtomicInteger::get)
                .description("open real-time sockets").register(registry);
        Gauge.builder("arena.rooms", rooms, RoomRegistry::size).description("rooms with members on this node")
                .register(registry);
        bytesIn = Counter.builder("arena.ws.bytes.in").baseUnit("bytes").register(registry);
        framesOut = Counter.builder("arena.ws.messages.out").description("frames written to clients")
                .register(registry);
        bytesOut = Counter.builder("arena.ws.bytes.out").baseUnit("bytes").register(registry);
        // frames per socket write = messages.out / flushes: 1 means every frame cost its own syscall
        flushes = Counter.builder("arena.ws.flushes")
                .description("socket flushes, each sending the frames written since the previous one in one write")
                .register(registry);
        overflows = Counter.builder("arena.ws.queue.overflows")
                .description("connections closed because their outbound queue overflowed").register(registry);
        rateLimited = Counter.builder("arena.ws.rate.limited").description("messages refused by the rate limit")
                .register(registry);
        abuseCloses = Counter.builder("arena.ws.abuse.closes").description("connections closed with 1008")
                .register(registry);
        revokedCloses = Counter.builder("arena.ws.revoked.closes")
                .description("connections closed with 4002 because their session was revoked").register(registry);
        deliveries = Counter.builder("arena.room.deliveries").description("room events handed to members")
                .register(registry);
        dropped = Counter.builder("arena.room.events.dropped")
                .description("room events dropped because a room inbox was full").register(registry);
        latency = Timer.builder("arena.room.delivery.latency")
                .description("from an event's creation to its hand-off to the members on this node")
                .publishPercentiles(0.5, 0.99).maximumExpectedValue(Duration.ofSeconds(5)).register(registry);
    }

    void opened() {
        connections.incrementAndGet();
    }

    void closed() {
        connections.decrementAndGet();
    }

    void received(String type, int bytes) {
        String t = TYPES.contains(type) ? type : "invalid";
        in.computeIfAbsent(t, k -> Counter.builder("arena.ws.messages.in").tag("type", k).register(registry))
                .increment();
        bytesIn.increment(bytes);
    }

    /** One socket write: the frames it carried and their bytes. */
    void flushed(int frames, long bytes) {
        flushes.increment();
        framesOut.increment(frames);
        bytesOut.increment(bytes);
    }

    void overflow() {
        overflows.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void revoked() {
        revokedCloses.increment();
    }

    void abuseClose() {
        abuseCloses.increment();
    }

    @Override
    public void delivered(RoomEvent event, int members) {
        deliveries.increment(members);
        long ms = clock.millis() - event.ts().toEpochMilli();
        latency.record(Duration.ofMillis(Math.max(0, ms)));
    }

    @Override
    public void dropped(RoomEvent event) {
        dropped.increment();
    }
}
