package dev.arena.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test WebSocket client: records every frame, lets a test wait for the one it expects. */
public final class WsClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * Held for as long as the socket: Vert.x closes a client that is no longer referenced (a Cleaner shuts it down
     * after a garbage collection), and a client dropped while its socket was still connecting lost that socket
     * (the handshake failed with "Connection closed", after a "Connection evicted" warning).
     */
    private final WebSocketClient client;
    private final WebSocket ws;
    private final List<Object> received = new ArrayList<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();

    private WsClient(WebSocketClient client, io.vertx.core.http.ClientWebSocket ws) {
        this.client = client;
        this.ws = ws;
        // handlers are set before connecting: frames sent right after the upgrade (welcome) are not lost
        ws.textMessageHandler(t -> {
            Object v;
            try {
                v = new JsonObject(t);
            } catch (RuntimeException e) {
                v = t;
            }
            synchronized (received) {
                received.add(v);
                received.notifyAll();
            }
        });
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    }

    public static WsClient connect(Vertx vertx, int port, String uri) {
        return connect(vertx, port, uri, 0);
    }

    /** @param receiveBuffer the client socket's kernel receive buffer (0 = default): small to stall sooner */
    public static WsClient connect(Vertx vertx, int port, String uri, int receiveBuffer) {
        var options = new io.vertx.core.http.WebSocketClientOptions().setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 20);
        if (receiveBuffer > 0) {
            options.setReceiveBufferSize(receiveBuffer);
        }
        WebSocketClient client = vertx.createWebSocketClient(options);
        try {
            io.vertx.core.http.ClientWebSocket ws = client.webSocket();
            WsClient c = new WsClient(client, ws);
            ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI(uri)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return c;
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("cannot connect to " + uri + ": " + e, e);
        }
    }

    /** Connects and waits for the welcome frame. */
    public static WsClient gateway(Vertx vertx, int port, String token) {
        return gateway(vertx, port, token, 0);
    }

    public static WsClient gateway(Vertx vertx, int port, String token, int receiveBuffer) {
        WsClient c = connect(vertx, port, "/ws?token=" + token, receiveBuffer);
        c.welcome = c.await("welcome");
        return c;
    }

    private JsonObject welcome;

    /** The welcome frame of a gateway connection (session_id, user_id, ...). */
    public JsonObject welcome() {
        return welcome;
    }

    /** A client message: {@code msg("room.send", "room", "r1", "data", 1)}. */
    public static JsonObject msg(String type, Object... kv) {
        JsonObject o = new JsonObject().put("type", type);
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    /** Joins the room and waits for its {@code room.joined}. */
    public static JsonObject join(WsClient c, String room) {
        c.send(msg("room.join", "room", room, "rid", "join-" + room));
        return c.await(o -> "room.joined".equals(o.getString("type")) && room.equals(o.getString("room")),
                "room.joined " + room);
    }

    /**
     * Waits for a {@code presence.diff} of {@code room} that lists the connection {@code session} under
     * {@code list} ({@code "joins"} or {@code "leaves"}); returns that member.
     */
    public JsonObject awaitPresence(String room, String list, String session) {
        JsonObject diff = await(o -> "presence.diff".equals(o.getString("type")) && room.equals(o.getString("room"))
                && o.getJsonArray(list).stream().anyMatch(m -> session.equals(((JsonObject) m).getString("session_id"))),
                list + " of " + session + " in " + room);
        return diff.getJsonArray(list).stream().map(JsonObject.class::cast)
                .filter(m -> session.equals(m.getString("session_id"))).findFirst().orElseThrow();
    }

    public WsClient send(JsonObject message) {
        ws.writeTextMessage(message.encode());
        return this;
    }

    public WsClient sendText(String text) {
        ws.writeTextMessage(text);
        return this;
    }

    public WebSocket socket() {
        return ws;
    }

    /** The client this socket was opened with (one per socket), closed with it. */
    WebSocketClient client() {
        return client;
    }

    /** Removes and returns the first received JSON frame of that type, waiting for it. */
    public JsonObject await(String type) {
        return await(o -> type.equals(o.getString("type")), type);
    }

    /**
     * Removes and returns the first frame of {@code type} about match {@code matchId}: the lobby's frames carry the
     * match under {@code game}, the others its {@code game_id} at the top.
     */
    public JsonObject awaitMatchFrame(String type, String matchId) {
        return await(f -> type.equals(f.getString("type")) && (f.containsKey("game")
                ? matchId.equals(f.getJsonObject("game").getString("game_id")) : matchId.equals(f.getString("game_id"))),
                type + " " + matchId);
    }

    public JsonObject await(Predicate<JsonObject> match, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                for (Iterator<Object> it = received.iterator(); it.hasNext(); ) {
                    if (it.next() instanceof JsonObject o && match.test(o)) {
                        it.remove();
                        return o;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " within " + WAIT + "; received " + received);
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every received JSON frame of that type so far, removed. */
    public List<JsonObject> drain(String type) {
        List<JsonObject> out = new ArrayList<>();
        synchronized (received) {
            for (Iterator<Object> it = received.iterator(); it.hasNext(); ) {
                if (it.next() instanceof JsonObject o && type.equals(o.getString("type"))) {
                    it.remove();
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Every received JSON frame so far, in the order received, removed. */
    public List<JsonObject> drainAll() {
        List<JsonObject> out = new ArrayList<>();
        synchronized (received) {
            for (Iterator<Object> it = received.iterator(); it.hasNext(); ) {
                if (it.next() instanceof JsonObject o) {
                    it.remove();
                    out.add(o);
                }
            }
        }
        return out;
    }

    public List<Object> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until the server closes the socket; returns the close code. */
    public short awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + WAIT, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Closes the socket (a close frame) and then its client. */
    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close().onComplete(v -> client.close());
        } else {
            client.close();
        }
    }
}
