package dev.arena.app;

import dev.arena.config.HttpConfig;
import dev.arena.identity.IdentityService;
import dev.arena.identity.WarmupPass;
import dev.arena.room.RoomRegistry;
import dev.arena.room.Rooms;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up warm-up ({@code ARENA_WARMUP}): before the node reports ready, {@link #SOCKETS} synthetic players
 * open gateway sockets to the node's own port over loopback, join one room and send {@code room.send} messages
 * through it for the configured time, then close. Every step is the real path (socket upgrade and token check,
 * decoding, the room's fan-out, frame encoding, the outbound queues and the native transport's writes), so the JIT
 * has compiled it before the first player's message instead of while those messages wait (docs/BENCHMARKS.md: the
 * first second after a cold start).
 *
 * <p><b>No trace</b>: the players exist only in the node's session cache ({@link WarmupPass}: never in PostgreSQL,
 * refused once the warm-up ends); {@code room.send} stores nothing (unlike {@code chat.send}); the room has a random,
 * unlisted name, and its numbering and kept events are forgotten at the end; the warm-up waits until the node has
 * closed the room and every player's private room, so the socket and room gauges are back where they were. It runs
 * on a single node only ({@code ArenaNode} skips it on a cluster), where presence, the room stream and socket
 * counts are in memory, not in Redis. Counters (messages in and out, deliveries, flushes) and the dashboard's first
 * samples include it.
 *
 * <p><b>Bounded</b>: connecting and joining must finish within {@link #CONNECT_MS}, then the messages flow for the
 * configured time, and closing may take {@link #TEARDOWN_MS} more. Everything runs on one event loop's context, never blocking
 * it. Whatever went wrong is in the report and logged as a warning; the node becomes ready all the same.
 */
final class StartWarmup {
    private static final Logger log = LoggerFactory.getLogger(StartWarmup.class);

    /** As many members as a busy room, few enough to connect well within a second on a cold node. */
    static final int SOCKETS = 200;
    /** Two messages per 10 ms (200 a second, each to 200 members): often more than one frame queued per socket. */
    private static final int PER_TICK = 2;
    private static final long TICK_MS = 10;
    /** How long connecting and joining may take (a cold node on busy cores needs a second or two). */
    static final long CONNECT_MS = 10_000;
    /** How long the node may take to close the sockets and their rooms. */
    static final long TEARDOWN_MS = 5_000;
    private static final long POLL_MS = 20;
    /** Tokens outlive the warm-up by this much at most (they are refused as soon as it ends anyway). */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    /**
     * What the warm-up did: sockets opened, joined the room, messages sent and room messages received; {@code sample}
     * is one of its players, whose token tests show is refused afterwards.
     */
    record Report(int sockets, int joined, long sent, long received, long millis, String problem,
                  WarmupPass.Synthetic sample) {
        boolean clean() {
            return problem == null;
        }
    }

    private final Vertx vertx;
    private final Context context;
    private final IdentityService identity;
    private final RoomRegistry rooms;
    private final WebSocketConnectOptions target;
    private final WebSocketClient client;
    private final Duration length;
    private final String room = "warmup:" + UUID.randomUUID(); // unguessable, listed nowhere
    private final String sendPrefix = "{\"type\":\"room.send\",\"room\":\"" + room + "\",\"data\":{\"n\":";
    // touched on the context only
    private final List<ClientWebSocket> open = new ArrayList<>();
    private final Promise<Void> allJoined = Promise.promise();
    private int opened;
    private int joined;
    private long sent;
    private long received;
    private boolean closing;

    private StartWarmup(Vertx vertx, IdentityService identity, RoomRegistry rooms, HttpConfig http, int port,
                        Duration length) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.identity = identity;
        this.rooms = rooms;
        this.length = length;
        boolean tls = http.tlsCert().isPresent();
        this.target = new WebSocketConnectOptions().setHost(loopback(http.host())).setPort(port).setSsl(tls)
                .setTimeout(CONNECT_MS);
        // our own certificate on our own port: nothing to verify
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(SOCKETS)
                .setSsl(tls).setTrustAll(tls).setVerifyHost(false));
    }

    /**
     * The node's start: runs the warm-up {@code ARENA_WARMUP} asks for, on a single node only (on a cluster its
     * presence, room stream and socket counts would go through Redis and outlive it), and waits for it (the caller
     * reports ready after). Null when it was off, skipped or did not finish: a failed warm-up leaves a colder node.
     */
    static Report atStart(dev.arena.config.ArenaConfig config, Vertx vertx, IdentityService identity,
                          RoomRegistry rooms, int port) {
        Duration length = config.ws().warmup();
        if (length.isZero()) {
            return null;
        }
        if (config.cluster().redisUrl().isPresent()) {
            log.info("ARENA_WARMUP skipped: it runs on a single node only");
            return null;
        }
        try {
            Report r = Wiring.await(run(vertx, identity, rooms, config.http(), port, length)
                    .timeout(CONNECT_MS + length.toMillis() + TEARDOWN_MS + 2_000, TimeUnit.MILLISECONDS));
            log.info("start-up warm-up: {} sockets, {} messages sent, {} delivered to it, {} ms", r.sockets(),
                    r.sent(), r.received(), r.millis());
            return r;
        } catch (RuntimeException e) {
            log.warn("start-up warm-up did not finish; the node serves anyway: {}", e.toString());
            return null;
        }
    }

    /**
     * Runs the warm-up of {@code length} against this node's port; completes once it is over, with what went wrong
     * in the report (fails only when it could not even start).
     */
    static Future<Report> run(Vertx vertx, IdentityService identity, RoomRegistry rooms, HttpConfig http, int port,
                              Duration length) {
        StartWarmup w = new StartWarmup(vertx, identity, rooms, http, port, length);
        Promise<Report> done = Promise.promise();
        w.context.runOnContext(v -> {
            try {
                w.start().onComplete(done);
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future();
    }

    /** The wildcard address the node binds is not one to connect to: its loopback is. */
    static String loopback(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
    }

    private Future<Report> start() {
        long t0 = System.nanoTime();
        WarmupPass pass = identity.warmupPass(SOCKETS, length.plus(TOKEN_MARGIN));
        List<Future<ClientWebSocket>> connects = new ArrayList<>();
        for (WarmupPass.Synthetic p : pass.players()) {
            connects.add(connect(p.token()));
        }
        Future<Void> ran = Future.all(connects).compose(v -> {
            for (ClientWebSocket ws : open) {
                ws.writeTextMessage("{\"type\":\"room.join\",\"room\":\"" + room + "\"}");
            }
            return allJoined.future();
        }).timeout(CONNECT_MS, TimeUnit.MILLISECONDS).compose(v -> traffic(System.nanoTime() + length.toNanos()));
        Promise<Report> report = Promise.promise();
        ran.onComplete(ar -> teardown(pass).onComplete(left -> {
            String problem = ar.failed() ? ar.cause().toString()
                    : left.failed() ? left.cause().getMessage() : null;
            Report r = new Report(opened, joined, sent,
                    received, (System.nanoTime() - t0) / 1_000_000, problem, pass.players().getFirst());
            if (problem != null) {
                log.warn("start-up warm-up cut short ({}): {} sockets, {} joined, {} messages sent; the node serves"
                        + " anyway", problem, r.sockets(), r.joined(), r.sent());
            }
            report.complete(r);
        }));
        return report.future();
    }

    private Future<ClientWebSocket> connect(String token) {
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(this::onText);
        ws.exceptionHandler(e -> { }); // a broken socket only shortens the warm-up; its teardown reports what is left
        return ws.connect(new WebSocketConnectOptions(target)
                .setURI("/ws?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).map(w -> {
                    open.add(ws);
                    opened++;
                    if (closing) {
                        ws.close(); // connected after the warm-up gave up waiting: close at once
                    }
                    return ws;
                });
    }

    private void onText(String frame) {
        if (frame.startsWith("{\"type\":\"room.message\"")) {
            received++;
        } else if (frame.contains("\"type\":\"room.joined\"") && ++joined == SOCKETS) {
            allJoined.tryComplete();
        }
    }

    /** {@link #PER_TICK} messages every {@link #TICK_MS}, each from the next socket in turn, until the deadline. */
    private Future<Void> traffic(long deadline) {
        Promise<Void> over = Promise.promise();
        vertx.setPeriodic(TICK_MS, id -> {
            if (System.nanoTime() - deadline >= 0) {
                vertx.cancelTimer(id);
                over.complete();
                return;
            }
            for (int i = 0; i < PER_TICK; i++) {
                ClientWebSocket ws = open.get((int) (sent % open.size()));
                ws.writeTextMessage(sendPrefix + sent + "}}");
                sent++;
            }
        });
        return over.future();
    }

    /**
     * Closes every socket, then waits (at most {@link #TEARDOWN_MS}) until the node has closed the room and each
     * player's private room, which happens once it has seen every socket close; then the room's numbering is
     * forgotten and the players' sessions end. Fails only when the node did not close them in time.
     */
    private Future<Void> teardown(WarmupPass pass) {
        closing = true;
        for (ClientWebSocket ws : open) {
            ws.close();
        }
        List<String> names = new ArrayList<>(pass.players().size() + 1);
        names.add(room);
        pass.players().forEach(p -> names.add(Rooms.user(p.playerId())));
        Promise<Void> gone = Promise.promise();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TEARDOWN_MS);
        poll(names, until, gone);
        return gone.future().onComplete(v -> {
            rooms.stream().forget(room);
            pass.close();
            client.close();
        });
    }

    private void poll(List<String> names, long until, Promise<Void> gone) {
        names.removeIf(name -> !rooms.hosts(name));
        if (names.isEmpty()) {
            gone.complete();
        } else if (System.nanoTime() - until >= 0) {
            gone.fail(names.size() + " warm-up rooms still open after " + TEARDOWN_MS + " ms");
        } else {
            vertx.setTimer(POLL_MS, t -> poll(names, until, gone));
        }
    }
}
