package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One gateway connection ({@code GET /ws?token=}) of the bench. Created, connected and driven on one
 * event loop, which also runs all its handlers, so its fields need no synchronisation; everything it
 * observes goes to the shared {@link SocketStats}. Ping frames from the server are answered by Vert.x.
 */
final class BenchSocket {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    final int index;
    private final SocketStats stats;
    private ClientWebSocket ws;
    private boolean open;
    private boolean closing;
    private Promise<Void> joining;
    private String joinRid;
    private String room;
    private int fanout;
    private String sendPrefix;

    BenchSocket(int index, SocketStats stats) {
        this.index = index;
        this.stats = stats;
    }

    /** Opens the socket; fails (after counting the reason) when the upgrade is refused or times out. */
    Future<Void> connect(WebSocketClient client, Target target, String token) {
        long start = System.nanoTime();
        ws = client.webSocket();
        // handlers first: the welcome frame can arrive in the same read as the upgrade response
        ws.textMessageHandler(this::onText);
        ws.closeHandler(v -> onClose());
        ws.exceptionHandler(e -> stats.socketErrors.add(Errors.reason(e)));
        return ws.connect(options(target, token)).<Void>map(w -> {
            open = true;
            stats.open.incrementAndGet();
            stats.connected.increment();
            stats.connectLatency.record((System.nanoTime() - start) / 1000, true);
            return null;
        }).onFailure(e -> stats.connectFailures.add(Errors.reason(e)));
    }

    /** The gateway socket's connect options: {@code GET /ws?token=}, 30 s to upgrade. */
    static WebSocketConnectOptions options(Target target, String token) {
        return new WebSocketConnectOptions()
                .setHost(target.host()).setPort(target.port()).setSsl(target.ssl())
                .setURI("/ws?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .setTimeout(30_000);
    }

    /** The close code of a socket that closed, {@code none} when the TCP connection just ended. */
    static String closeCode(ClientWebSocket ws) {
        Short code = ws.closeStatusCode();
        return code == null ? "none" : code.toString();
    }

    /** An {@code error} frame's code and rid ({@code unreadable} and null when it does not parse). */
    record ErrorFrame(String code, String rid) {
        static ErrorFrame of(String frame) {
            try {
                JsonObject json = new JsonObject(frame);
                return new ErrorFrame(String.valueOf(json.getValue("code")), String.valueOf(json.getValue("rid")));
            } catch (RuntimeException e) {
                return new ErrorFrame("unreadable", null);
            }
        }
    }

    /** Joins {@code room} of {@code fanout} members and completes on {@code room.joined}. */
    Future<Void> join(Vertx vertx, String room, int fanout) {
        this.room = room;
        this.fanout = fanout;
        this.sendPrefix = "{\"type\":\"room.send\",\"room\":\"" + room + "\",\"data\":{\"t\":";
        joining = Promise.promise();
        joinRid = "j" + index;
        ws.writeTextMessage(new JsonObject().put("type", "room.join").put("rid", joinRid).put("room", room).encode());
        long timer = vertx.setTimer(JOIN_TIMEOUT.toMillis(), t -> joining.tryFail("timeout"));
        return joining.future().onComplete(ar -> vertx.cancelTimer(timer)).onSuccess(v -> stats.joined.increment())
                .onFailure(e -> stats.joinFailures.add(e.getMessage()));
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Sends one {@code room.send} whose data carries the send time and a counter, and books its expected
     * deliveries. No {@code rid}, so the server sends no ack: the only replies are the broadcasts.
     */
    void send(long counter, DeliveryLedger ledger) {
        if (ws.writeQueueFull()) {
            stats.writeQueueFull.increment();
        }
        long t = System.nanoTime();
        ws.writeTextMessage(sendPrefix + t + ",\"n\":" + counter + "}}");
        ledger.sent(t, fanout);
    }

    /** Closes normally; later close events are not counted as unexpected. */
    void close() {
        closing = true;
        if (open) {
            ws.close();
        }
    }

    String room() {
        return room;
    }

    private void onText(String frame) {
        String type = FrameProbe.type(frame);
        if (type == null) {
            stats.otherFrames.increment();
            return;
        }
        switch (type) {
            case "room.message" -> onRoomMessage(frame);
            case "room.joined" -> {
                if (joining != null) {
                    joining.tryComplete();
                }
            }
            case "welcome" -> stats.welcomes.increment();
            case "error" -> onError(frame);
            case "presence.diff", "presence.join", "presence.leave" -> stats.presenceFrames.increment();
            case "pong", "ack" -> { }
            default -> stats.otherFrames.increment();
        }
    }

    private void onRoomMessage(String frame) {
        long now = System.nanoTime();
        DeliveryLedger ledger = stats.ledger;
        if (stats.frozen) {
            return;
        }
        long t = FrameProbe.sendTime(frame);
        if (ledger == null || t == FrameProbe.NO_TIME) {
            stats.otherFrames.increment(); // someone else's message in a bench room
            return;
        }
        boolean measured = ledger.delivered(t, now);
        stats.deliveryLatency.record((now - t) / 1000, measured);
    }

    private void onError(String frame) {
        ErrorFrame e = ErrorFrame.of(frame);
        stats.serverErrors.add(e.code());
        if (joining != null && joinRid.equals(e.rid())) {
            joining.tryFail(e.code());
        }
    }

    private void onClose() {
        if (!open) {
            return; // a connect that failed, or a second close event
        }
        open = false;
        stats.open.decrementAndGet();
        if (joining != null) {
            joining.tryFail("closed");
        }
        if (!closing) {
            stats.closes.add(closeCode(ws));
        }
    }
}
