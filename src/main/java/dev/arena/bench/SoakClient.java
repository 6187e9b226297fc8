package dev.arena.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One soak player's socket life, over and over: connect, join its room, send a chat line now and then (with a
 * {@code rid}, so each is acknowledged once stored), and after a random lifetime close and start again, as a
 * player who reconnects would. A close it did not ask for is counted and followed by a reconnect a second later.
 * Created and driven on one event loop, which runs all its handlers and timers, so its fields need no locks.
 */
final class SoakClient {
    private static final long JOIN_TIMEOUT_MS = 30_000;
    private static final Exception RELOGGED = new Exception("logged in again", null, false, false) {};
    /** How long a close the player chose waits for the answers to its last lines (a loaded server is slow). */
    private static final long ANSWER_WAIT_MS = 30_000;

    final int index;
    private final SoakStats stats;
    private final Vertx vertx;
    private final WebSocketClient client;
    private final Target target;
    private String token;
    /** A fresh token for this player: access tokens expire (15 minutes by default) long before a soak ends. */
    private final java.util.function.Supplier<Future<String>> relogin;
    private final String room;
    private final Duration chatEvery;
    private final Duration lifetime;
    private final SplittableRandom random;
    private ClientWebSocket ws;
    private boolean open;
    private boolean closing;
    private boolean stopped;
    private long timer = -1;
    private long lifeTimer = -1;
    private long lines;
    /** Chat lines sent on the current socket and not yet answered ({@code ack} or {@code error}). */
    private int unanswered;
    /** Set while waiting for the last answers before a close the player chose. */
    private Runnable whenAnswered;
    private Promise<Void> joining;

    SoakClient(int index, SoakStats stats, Vertx vertx, WebSocketClient client, Target target, String token,
               String room, Duration chatEvery, Duration lifetime,
               java.util.function.Supplier<Future<String>> relogin) {
        this.relogin = relogin;
        this.index = index;
        this.stats = stats;
        this.vertx = vertx;
        this.client = client;
        this.target = target;
        this.token = token;
        this.room = room;
        this.chatEvery = chatEvery;
        this.lifetime = lifetime;
        this.random = new SplittableRandom(index * 7919L);
    }

    /** Connects and joins; completes when joined or failed (a failure schedules the next attempt itself). */
    Future<Void> start() {
        if (stopped) {
            return Future.succeededFuture();
        }
        closing = false;
        unanswered = 0;
        ClientWebSocket socket = client.webSocket();
        ws = socket;
        // a socket this player has moved on from may still report its close: only the current one counts
        socket.textMessageHandler(frame -> {
            if (socket == ws) {
                onText(frame);
            }
        });
        socket.closeHandler(v -> {
            if (socket == ws) {
                onClose();
            }
        });
        socket.exceptionHandler(e -> stats.socketErrors.add(Errors.reason(e)));
        return socket.connect(BenchSocket.options(target, token))
                .recover(e -> {
                    if (Errors.status(e) != 401) {
                        return Future.failedFuture(e);
                    }
                    // the token expired: log in again, and the retry below connects with the new one
                    stats.relogins.increment();
                    return relogin.get().compose(t -> {
                        token = t;
                        return Future.<io.vertx.core.http.WebSocket>failedFuture(RELOGGED);
                    });
                })
                .onFailure(e -> {
                    if (e != RELOGGED) {
                        stats.connectFailures.add(Errors.reason(e));
                    }
                })
                .compose(w -> {
                    open = true;
                    stats.open.incrementAndGet();
                    stats.connects.increment();
                    return join();
                })
                .onSuccess(v -> {
                    // the first line at a random point of the interval, so the clients do not send in step
                    timer = vertx.setTimer(1 + random.nextLong(Math.max(1, chatEvery.toMillis())), t -> chat());
                    long life = lifetime.toMillis();
                    lifeTimer = vertx.setTimer(life / 2 + random.nextLong(Math.max(1, life)), t -> reconnect());
                })
                .recover(e -> {
                    retryLater();
                    return Future.succeededFuture();
                });
    }

    /** Closes for good (the end of the run), once the lines in flight are answered (30 s at most). */
    Future<Void> stop() {
        stopped = true;
        cancelTimers();
        Promise<Void> closed = Promise.promise();
        afterAnswers(() -> closeCurrent().onComplete(ar -> closed.tryComplete()));
        return closed.future();
    }

    /**
     * Runs {@code then} once every line sent on this socket is answered, or after 30 s: a player who closes right
     * after sending does not wait for the acknowledgement, but the bench must, or it could not tell a lost line
     * from one it stopped listening for.
     */
    private void afterAnswers(Runnable then) {
        if (unanswered == 0 || !open) {
            then.run();
            return;
        }
        long t = vertx.setTimer(ANSWER_WAIT_MS, x -> answered(true));
        whenAnswered = () -> {
            vertx.cancelTimer(t);
            then.run();
        };
    }

    private void answered(boolean giveUp) {
        if (!giveUp) {
            unanswered--;
        }
        if (whenAnswered != null && (giveUp || unanswered == 0)) {
            Runnable r = whenAnswered;
            whenAnswered = null;
            r.run();
        }
    }

    private Future<Void> join() {
        joining = Promise.promise();
        ws.writeTextMessage(new JsonObject().put("type", "room.join").put("rid", "j").put("room", room).encode());
        long t = vertx.setTimer(JOIN_TIMEOUT_MS, x -> joining.tryFail("timeout"));
        return joining.future().onComplete(ar -> vertx.cancelTimer(t))
                .onFailure(e -> stats.joinFailures.add(e.getMessage()));
    }

    private void chat() {
        if (!open || stopped || whenAnswered != null) {
            return;
        }
        lines++;
        unanswered++;
        ws.writeTextMessage("{\"type\":\"chat.send\",\"rid\":\"c" + lines + "\",\"room\":\"" + room
                + "\",\"message\":\"soak line " + lines + " of player " + index + "\"}");
        stats.chatSent.increment();
        timer = vertx.setTimer(chatEvery.toMillis(), t -> chat());
    }

    private void reconnect() {
        if (stopped) {
            return;
        }
        cancelTimers();
        stats.reconnects.increment();
        afterAnswers(() -> closeCurrent().onComplete(ar -> start()));
    }

    private void retryLater() {
        if (!stopped) {
            cancelTimers();
            closeCurrent();
            timer = vertx.setTimer(1_000 + random.nextLong(2_000), t -> start());
        }
    }

    /** Closes the current socket as the player's choice: it is no longer open from now on. */
    private Future<Void> closeCurrent() {
        closing = true;
        if (!open) {
            return Future.succeededFuture();
        }
        open = false;
        stats.open.decrementAndGet();
        return ws.close().recover(e -> Future.succeededFuture());
    }

    private void cancelTimers() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (lifeTimer >= 0) {
            vertx.cancelTimer(lifeTimer);
            lifeTimer = -1;
        }
    }

    private void onText(String frame) {
        String type = FrameProbe.type(frame);
        if (type == null) {
            return;
        }
        switch (type) {
            case "chat.message" -> stats.chatReceived.increment();
            case "ack" -> {
                if (frame.contains("\"rid\":\"c")) {
                    stats.chatAcked.increment();
                    answered(false);
                }
            }
            case "room.joined" -> {
                if (joining != null) {
                    joining.tryComplete();
                }
            }
            case "error" -> {
                BenchSocket.ErrorFrame e = BenchSocket.ErrorFrame.of(frame);
                if (joining != null && "j".equals(e.rid()) && !joining.future().isComplete()) {
                    joining.tryFail(e.code());
                } else {
                    stats.serverErrors.add(e.code());
                    if (e.rid() != null && e.rid().startsWith("c")) {
                        answered(false);
                    }
                }
            }
            default -> { }
        }
    }

    private void onClose() {
        if (!open) {
            return;
        }
        open = false;
        stats.open.decrementAndGet();
        if (joining != null) {
            joining.tryFail("closed");
        }
        boolean unexpected = !closing && !stopped;
        if (unexpected) {
            stats.closes.add(BenchSocket.closeCode(ws));
        }
        if (whenAnswered != null) {
            answered(true); // nothing more will be answered here: the close the player chose goes on now
        } else if (unexpected) {
            retryLater();
        }
    }
}
