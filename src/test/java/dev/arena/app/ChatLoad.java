package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chat running in one room for the fault tests: every {@code periodMs} one line (rid {@code line-<n>}) from the next
 * open socket, round robin; every frame each socket receives is kept in order, so a test can check that its stream
 * stayed whole ({@link #assertWhole}). Methods are called from the test thread.
 */
final class ChatLoad implements AutoCloseable {
    private final Vertx vertx;
    private final Map<WsClient, List<JsonObject>> frames = new LinkedHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final long timer;

    ChatLoad(Vertx vertx, String room, List<WsClient> clients, long periodMs) {
        this.vertx = vertx;
        clients.forEach(c -> frames.put(c, new ArrayList<>()));
        List<WsClient> all = List.copyOf(clients);
        timer = vertx.setPeriodic(periodMs, t -> {
            List<WsClient> open = all.stream().filter(c -> !c.isClosed()).toList();
            if (!open.isEmpty()) {
                int n = sent.getAndIncrement();
                open.get(n % open.size()).send(WsClient.msg("chat.send", "room", room, "message", "line " + n,
                        "rid", "line-" + n));
            }
        });
    }

    /** Lines sent so far. */
    int sent() {
        return sent.get();
    }

    /** Every frame {@code c} has received so far, in order (collected from its socket now). */
    List<JsonObject> frames(WsClient c) {
        collect();
        return frames.get(c);
    }

    /** Chat lines received by all the given sockets together. */
    int received(List<WsClient> clients) {
        return clients.stream().mapToInt(c -> chatIds(c).size()).sum();
    }

    /** Ids of the lines acknowledged with a rid numbered {@code from} or above. */
    Set<Long> acked(int from) {
        collect();
        Set<Long> out = new HashSet<>();
        frames.values().forEach(fs -> fs.stream().filter(f -> "ack".equals(f.getString("type")))
                .filter(f -> f.getString("rid", "").startsWith("line-"))
                .filter(f -> Integer.parseInt(f.getString("rid").substring(5)) >= from)
                .forEach(f -> out.add(f.getLong("id"))));
        return out;
    }

    /** Ids of the chat lines {@code c} received. */
    Set<Long> chatIds(WsClient c) {
        Set<Long> out = new HashSet<>();
        frames(c).stream().filter(f -> "chat.message".equals(f.getString("type"))).forEach(f -> out.add(f.getLong("id")));
        return out;
    }

    /** Session ids in the {@code leaves} of the presence diffs {@code c} received. */
    Set<String> leaves(WsClient c) {
        Set<String> out = new HashSet<>();
        frames(c).stream().filter(f -> "presence.diff".equals(f.getString("type")))
                .forEach(f -> f.getJsonArray("leaves").forEach(m -> out.add(((JsonObject) m).getString("session_id"))));
        return out;
    }

    /**
     * Checks one socket's stream: each {@code chat.message} is one {@code seq} after the last, unless an
     * {@code error resync} followed by {@code room.joined} came between (then it is one after that seq). Returns
     * how many resyncs there were.
     */
    int assertWhole(WsClient c) {
        List<JsonObject> stream = frames(c);
        Long last = null;
        boolean resync = false;
        int resyncs = 0;
        for (JsonObject f : stream) {
            switch (f.getString("type")) {
                case "error" -> resync |= "resync".equals(f.getString("code"));
                case "room.joined" -> {
                    assertThat(resync || last == null).as("room.joined without resync in %s", stream).isTrue();
                    resyncs += resync ? 1 : 0;
                    last = f.getLong("seq");
                    resync = false;
                }
                case "chat.message" -> {
                    long seq = f.getLong("seq");
                    assertThat(seq).as("seq after %d, no resync between, in %s", last, stream)
                            .isEqualTo(last == null ? seq : last + 1);
                    last = seq;
                }
                default -> { }
            }
        }
        return resyncs;
    }

    private void collect() {
        frames.forEach((c, fs) -> fs.addAll(c.drainAll()));
    }

    /** Stops sending. */
    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
