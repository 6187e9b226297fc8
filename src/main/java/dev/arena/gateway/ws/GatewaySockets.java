package dev.arena.gateway.ws;

import dev.arena.common.ArenaException;
import dev.arena.gateway.http.Authenticator;
import dev.arena.gateway.http.Problem;
import dev.arena.gateway.http.Problems;
import dev.arena.gateway.http.RequestLoop;
import dev.arena.room.RoomEvent;
import dev.arena.room.Rooms;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time sockets of one event loop: authenticates the upgrade, runs each connection's frames
 * through limits and the {@link MessageRouter}, and sweeps idle connections (heartbeats). One instance per
 * HTTP server instance, so its connection set is touched only on that event loop.
 */
public final class GatewaySockets {
    private static final Logger log = LoggerFactory.getLogger(GatewaySockets.class);
    private final Realtime rt;
    private final Vertx vertx;
    private final Context context;
    private final Set<Connection> connections = new HashSet<>();
    /** Writes this event loop's connections' queued frames, a batch per loop turn. */
    private final WriteLoop writes;
    private long sweepTimer = -1;
    /** The HTTP idle timeout: a socket silent both ways this long is closed below us, so its ping must come first. */
    private final long httpIdleMillis;
    /** Closes the sockets of revoked sessions (any node's revocation reaches this listener). */
    private dev.arena.identity.SessionRevocations.Listening revocations;
    /** How long a shutdown waits for its connections' leaves to be announced. */
    private static final long LEAVE_GRACE_MS = 5_000;

    public GatewaySockets(Realtime realtime, Vertx vertx, Context context, Duration httpIdleTimeout) {
        this.rt = realtime;
        this.httpIdleMillis = httpIdleTimeout.toMillis();
        this.vertx = vertx;
        this.context = context;
        this.writes = new WriteLoop(context);
    }

    /** Mounts {@code /ws} and the original design's sockets; must come before any body handler. */
    public void mount(Router router) {
        router.get("/ws").handler(ctx -> upgrade(ctx, RoomEvent.Flavour.GATEWAY, null));
        router.get("/games/:room/live").handler(ctx -> legacy(ctx, RoomEvent.Flavour.LEGACY_GAME, "room"));
        router.get("/chat/:room_id").handler(ctx -> legacy(ctx, RoomEvent.Flavour.LEGACY_CHAT, "room_id"));
        router.get("/tournaments/:tournament_id/updates").handler(this::tournamentUpdates);
        // At most a second apart: timeouts are judged by the injected clock, which may jump.
        long every = Math.max(10, Math.min(1000, rt.limits.heartbeat().toMillis() / 3));
        sweepTimer = vertx.setPeriodic(every, id -> sweep(rt.clock.millis()));
        revocations = rt.identity.revocations().listen(r -> {
            if (r.endsSockets()) {
                context.runOnContext(v -> revoked(r));
            }
        });
    }

    /** Closes (4002) every socket of this event loop opened with a session the revocation covers. */
    private void revoked(dev.arena.identity.Revocation r) {
        for (Connection c : List.copyOf(connections)) {
            if (r.covers(c.principal.playerId(), c.principal.sessionId())) {
                rt.metrics.revoked();
                c.close(CloseCodes.SESSION_ENDED, "session ended");
            }
        }
    }

    private void legacy(RoutingContext ctx, RoomEvent.Flavour flavour, String param) {
        String raw = ctx.pathParam(param);
        String room = flavour == RoomEvent.Flavour.LEGACY_GAME ? Rooms.legacyGame(raw) : Rooms.legacyChat(raw);
        if (!Rooms.valid(room)) {
            Problems.send(ctx.response(), Problem.of("validation-failed", "Validation Failed", 422,
                    param + ": " + Rooms.NAME_RULE).at(ctx.request().path()));
            return;
        }
        upgrade(ctx, flavour, room);
    }

    /** {@code WS /tournaments/{id}/updates}: receive-only, in the tournament's topic room. */
    private void tournamentUpdates(RoutingContext ctx) {
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(ctx.pathParam("tournament_id"));
        } catch (IllegalArgumentException e) {
            Problems.send(ctx.response(), Problem.of("validation-failed", "Validation Failed", 422,
                    "tournament_id: must be a UUID").at(ctx.request().path()));
            return;
        }
        upgrade(ctx, RoomEvent.Flavour.TOURNAMENT, Rooms.tournament(id));
    }

    private void upgrade(RoutingContext ctx, RoomEvent.Flavour flavour, String autoRoom) {
        if (!ctx.request().headers().contains("Upgrade", "websocket", true)) {
            Problems.send(ctx.response(), Problem.of("upgrade-required", "Upgrade Required", 426,
                    "this endpoint is a WebSocket").at(ctx.request().path()));
            return;
        }
        String token = ctx.request().getParam("token");
        if (token == null) {
            token = Authenticator.bearer(ctx.request().getHeader("Authorization"));
        }
        if (token == null) {
            ctx.fail(new ArenaException.Unauthorized("missing token (?token= or Authorization: Bearer)"));
            return;
        }
        ctx.request().pause();
        long epoch = rt.identity.revocationEpoch();
        String checked = token;
        // back on the request's loop: the upgrade (or the refusal) is written there (strict thread mode, HttpVerticle)
        RequestLoop.back(rt.identity.authenticateNamed(token))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.request().resume();
                        ctx.fail(ar.cause());
                        return;
                    }
                    var connection = ctx.request().connection();
                    ctx.request().toWebSocket().onComplete(ws -> {
                        if (ws.succeeded()) {
                            ProtocolViolations.install(connection);
                            // Vert.x's leftovers of the upgrade: see the two classes' comments
                            DirectWrites.install(connection); // before anything is written
                            UpgradeLeftovers.drop(connection);
                            Connection c = open(ws.result(), connection, ar.result().principal(), ar.result().displayName(),
                                    flavour, autoRoom);
                            recheckIfRevoked(c, checked, epoch);
                        }
                    });
                });
    }

    /** Who opened the socket, resolved once at the upgrade. */

    /**
     * A revocation that ran between the token check and {@link #open} did not see this socket: when one may have
     * (the epoch moved), the token is checked again (the cache no longer vouches for a revoked session).
     */
    private void recheckIfRevoked(Connection c, String token, long epochBefore) {
        if (rt.identity.revocationEpoch() == epochBefore) {
            return;
        }
        rt.identity.authenticate(token).onComplete(ar -> context.runOnContext(v -> {
            if (ar.failed() || !ar.result().role().equals(c.principal.role())) {
                rt.metrics.revoked();
                c.close(CloseCodes.SESSION_ENDED, "session ended");
            }
        }));
    }

    private Connection open(ServerWebSocket ws, io.vertx.core.http.HttpConnection upgraded,
                            dev.arena.identity.Principal principal, String displayName,
                      RoomEvent.Flavour flavour, String autoRoom) {
        Connection c = new Connection(principal, displayName, flavour, ws, upgraded, writes, rt.limits, rt.node,
                rt.clock.millis(), nanos(), rt.metrics);
        connections.add(c);
        rt.metrics.opened();
        rt.matchmaking.opened(principal.playerId());
        FrameAssembler frames = new FrameAssembler(rt.limits.hardFrameBytes());
        ws.frameHandler(frame -> {
            try {
                switch (frames.accept(frame)) {
                    case FrameAssembler.Message.Text(String text) -> onText(c, text);
                    case FrameAssembler.Message.Binary b -> {
                        c.lastSeenMillis = rt.clock.millis();
                        reject(c, new ProtocolError("bad_json", "send JSON in text frames", null, true));
                    }
                    case null -> { }
                }
            } catch (FrameAssembler.Refused refused) {
                rt.metrics.received("invalid", 0);
                c.close(refused.code, refused.getMessage());
            }
        });
        ws.pongHandler(b -> c.lastSeenMillis = rt.clock.millis());
        ws.exceptionHandler(e -> c.close(FrameAssembler.closeCodeFor(e), "connection error"));
        ws.closeHandler(v -> closed(c));
        ws.resume(); // the request was paused while the token was checked
        // Every connection is in its player's private room, where direct messages arrive. The welcome waits until
        // the node listens there (on a cluster that is a Redis round trip), so no message sent to this player
        // after its welcome can be missed; without the private room the connection is useless and is closed.
        String own = Rooms.user(principal.playerId());
        c.rooms.add(own);
        rt.rooms.join(own, c, null, null).onComplete(ar -> context.runOnContext(v -> {
            if (ar.failed()) {
                log.warn("connection of {} could not join its private room: {}", principal.playerId(),
                        ar.cause().toString());
                c.close(CloseCodes.INTERNAL_ERROR, "direct messages unavailable; reconnect");
            } else if (flavour == RoomEvent.Flavour.GATEWAY) {
                c.send(new ServerMessage.Welcome(c.sessionId, principal.playerId(), displayName, rt.node,
                        rt.limits.heartbeat().toMillis()));
            }
        }));
        if (autoRoom != null) {
            c.rooms.add(autoRoom);
            rt.rooms.join(autoRoom, c, null, null).onFailure(e -> context.runOnContext(v -> {
                c.rooms.remove(autoRoom);
                MessageRouter.fail(c, null, e);
            }));
        }
        return c;
    }

    private void onText(Connection c, String text) {
        long now = rt.clock.millis();
        c.lastSeenMillis = now;
        if (c.closing()) {
            return;
        }
        int max = rt.limits.maxMessageBytes();
        int bytes = text.length() * 3 <= max ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            rt.metrics.received("invalid", bytes);
            reject(c, new ProtocolError("too_large", "frames are limited to " + max + " bytes", null, true));
            return;
        }
        if (!c.bucket.tryTake(nanos())) {
            rt.metrics.rateLimited();
            reject(c, new ProtocolError("rate_limited", "more than " + (int) rt.limits.ratePerSecond()
                    + " messages per second", null, true));
            return;
        }
        try {
            switch (c.flavour) {
                case GATEWAY -> {
                    ClientMessage m = RoomSendReader.read(text);
                    String type = "room.send";
                    if (m == null) {
                        JsonObject o = MessageDecoder.parse(text);
                        m = MessageDecoder.decode(o);
                        type = o.getString("type");
                    }
                    rt.metrics.received(type, bytes);
                    rt.router.handle(c, m);
                }
                case LEGACY_GAME -> legacyGame(c, text, bytes);
                case LEGACY_CHAT -> legacyChat(c, text, bytes);
                case TOURNAMENT -> {
                    rt.metrics.received("invalid", bytes);
                    throw new ProtocolError("read_only", "this socket only receives tournament updates", null, true);
                }
            }
        } catch (ProtocolError e) {
            rt.metrics.received("invalid", bytes);
            reject(c, e);
        }
    }

    /** The injected clock in nanoseconds: rate limits follow the same time as everything else. */
    private long nanos() {
        Instant now = rt.clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private void legacyGame(Connection c, String text, int bytes) {
        Object action = MessageDecoder.parseAny(text);
        rt.metrics.received("legacy.game", bytes);
        String room = onlyRoom(c);
        if (room != null) {
            rt.rooms.stream().append(new RoomEvent.Message(room, 0, c.principal.playerId(), Json.encode(action),
                    rt.clock.instant())).onFailure(e -> MessageRouter.fail(c, null, e));
        }
    }

    private void legacyChat(Connection c, String text, int bytes) {
        JsonObject o = MessageDecoder.parse(text);
        if (!(o.getValue("message") instanceof String message)) {
            throw ProtocolError.bad(null, "message: must be a string");
        }
        rt.metrics.received("legacy.chat", bytes);
        String room = onlyRoom(c);
        if (room != null) {
            MessageRouter.inOrder(c, () -> rt.router.postChat(c, room, message)).onFailure(e -> MessageRouter.fail(c, null, e));
        }
    }

    /** The room a legacy socket was opened for (its only room besides its private one). */
    private static String onlyRoom(Connection c) {
        for (String r : c.rooms) {
            if (!Rooms.reserved(r)) {
                return r;
            }
        }
        return null;
    }

    private void reject(Connection c, ProtocolError e) {
        if (c.abusive(rt.clock.millis(), rt.limits.abuseLimit())) {
            rt.metrics.abuseClose();
            return;
        }
        c.error(e.rid, e.code, e.getMessage());
    }

    /** Completes once the connection has left every room (and its leaves were announced), failed or not. */
    private Future<Void> closed(Connection c) {
        if (!connections.remove(c)) {
            return Future.succeededFuture();
        }
        rt.matchmaking.closed(c.principal.playerId()); // before the gauge drops: tests wait for the gauge
        rt.metrics.closed();
        c.close(CloseCodes.NORMAL, "closed");
        List<Future<Boolean>> leaves = new ArrayList<>();
        for (String room : c.rooms.copy()) {
            leaves.add(rt.rooms.leave(room, c));
        }
        c.rooms.clear();
        rt.router.closed(c);
        for (var match : List.copyOf(c.matches)) {
            rt.router.detach(c, match);
        }
        return Future.join(leaves).mapEmpty();
    }

    /** Pings quiet connections and closes silent ones. Runs on this event loop; tests call it with their clock. */
    void sweep(long nowMillis) {
        long ping = rt.limits.heartbeat().toMillis();
        long idle = rt.limits.idleTimeout().toMillis();
        long close = Math.min(idle, httpIdleMillis);
        for (Connection c : List.copyOf(connections)) {
            long quiet = nowMillis - c.lastSeenMillis;
            if (quiet >= idle) {
                c.close(CloseCodes.HEARTBEAT_TIMEOUT, "no frames for " + quiet + " ms");
            } else if (pingDue(quiet, ping, close, System.identityHashCode(c)) && !c.closing()) {
                c.ws.writePing(io.vertx.core.buffer.Buffer.buffer("hb"));
            }
        }
    }

    /**
     * Whether a connection quiet for {@code quietMillis} is pinged now. Each connection waits an offset of its own
     * ({@code salt}) past the heartbeat, up to a third of it and at most half the way to {@code closeMillis} (the
     * sooner of the WebSocket and HTTP idle timeouts, so the ping always comes before either closes it): sockets
     * that connected together (a join storm, a reconnect after a deploy, a bench) are then pinged over several
     * sweeps instead of in one. 250 pings at once held an event loop 26 ms (docs/BENCHMARKS.md, "Newer runs",
     * 14:19).
     */
    static boolean pingDue(long quietMillis, long heartbeatMillis, long closeMillis, int salt) {
        long spread = Math.max(1, Math.min(heartbeatMillis / 3, (closeMillis - heartbeatMillis) / 2));
        return quietMillis >= heartbeatMillis + Math.floorMod(salt, spread);
    }

    /** Node shutdown: tells every client to reconnect elsewhere (1001), which also leaves their rooms. */
    public Future<Void> shutdown() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (revocations != null) {
            revocations.stop();
        }
        List<Future<Void>> left = new ArrayList<>();
        for (Connection c : List.copyOf(connections)) {
            c.close(CloseCodes.GOING_AWAY, "node shutting down");
            left.add(closed(c));
        }
        // On a cluster the leaves go through Redis: wait for them (bounded), so the other nodes' clients see
        // these members go before this node disconnects from Redis.
        return Future.join(left).<Void>mapEmpty().timeout(LEAVE_GRACE_MS, TimeUnit.MILLISECONDS)
                .otherwiseEmpty();
    }

    public int size() {
        return connections.size();
    }
}
