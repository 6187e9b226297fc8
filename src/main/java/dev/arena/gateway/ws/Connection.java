package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import dev.arena.config.WsLimits;
import dev.arena.identity.Principal;
import dev.arena.presence.Member;
import dev.arena.room.RoomEvent;
import dev.arena.room.RoomMember;
import dev.arena.room.Rooms;
import io.vertx.core.Context;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One client socket. Its own state (rooms joined, rate limit, abuse count, last activity) is touched only
 * on the event loop that accepted it; other threads reach it only through {@link #deliver} and
 * {@link #send}, which go through the bounded {@link Outbound} queue.
 */
final class Connection implements RoomMember {
    final UUID sessionId = UUID.randomUUID();
    final Principal principal;
    final String displayName;
    final RoomEvent.Flavour flavour;
    final ServerWebSocket ws;
    final Context context;
    final Outbound outbound;
    final TokenBucket bucket;
    final JoinedRooms rooms = new JoinedRooms();
    /** Matches this socket is attached to (as player or spectator); touched only on its event loop. */
    final Set<dev.arena.match.MatchId> matches = new HashSet<>();
    /** Whether this socket subscribed to the lobby topic (so a close unsubscribes it); its event loop only. */
    boolean lobby;
    /**
     * The last chat post (room or direct) of this socket: each waits for the one before, so a client's messages are
     * stored and numbered in the order it sent them (the pool would otherwise run them on different connections).
     * Touched only on this socket's event loop.
     */
    io.vertx.core.Future<?> chatTail = io.vertx.core.Future.succeededFuture();
    private final Member member;
    private final GatewayMetrics metrics;
    long lastSeenMillis;
    private int abuse;
    private long abuseWindowStart;
    private boolean closing;
    private static final long FLUSH_GRACE_MS = 5_000;

    Connection(Principal principal, String displayName, RoomEvent.Flavour flavour, ServerWebSocket ws,
               HttpConnection upgraded, WriteLoop loop, WsLimits limits, String node, long nowMillis, long nowNanos, GatewayMetrics metrics) {
        this.principal = principal;
        this.displayName = displayName;
        this.flavour = flavour;
        this.ws = ws;
        this.context = loop.context();
        this.metrics = metrics;
        this.member = new Member(principal.playerId(), displayName, sessionId, node);
        this.bucket = new TokenBucket(limits.ratePerSecond(), limits.burst(), nowNanos);
        this.lastSeenMillis = nowMillis;
        Outbound.Sink socket = SocketSink.of(upgraded, ws, this::resume);
        this.outbound = new Outbound(limits.outboundQueue(), loop, new Outbound.Sink() {
            // counted per flush, not per frame: the meters are shared by every socket of the node
            private int frames;
            private long bytes;

            @Override
            public boolean writable() {
                return socket.writable();
            }

            @Override
            public void write(EncodedText frame, int behind) {
                socket.write(frame, behind);
                frames++;
                bytes += frame.utf8().length;
            }

            @Override
            public void flush() {
                socket.flush();
                metrics.flushed(frames, bytes);
                frames = 0;
                bytes = 0;
            }
        }, capacity -> {
            metrics.overflow();
            close(CloseCodes.SLOW_CONSUMER, "slow consumer: more than " + capacity + " frames waiting");
        });
        ws.drainHandler(v -> outbound.resume());
    }

    private void resume() {
        outbound.resume();
    }

    @Override
    public Member presence() {
        return member;
    }

    @Override
    public void deliver(RoomEvent event) {
        EncodedText text = event.text(flavour);
        if (text != null) {
            outbound.offer(text);
        }
    }

    @Override
    public void joined(Joined result) {
        if (flavour != RoomEvent.Flavour.GATEWAY || Rooms.isPrivate(result.room())) {
            return;
        }
        if (result.resync()) {
            send(new ServerMessage.Error(result.tag(), "resync",
                    "events after last_seq are no longer kept: joined from seq " + result.seq()
                            + "; page chat.history for the gap"));
        }
        send(new ServerMessage.RoomJoined(result.tag(), result.room(), result.seq(), result.members(),
                result.memberCount()));
    }

    void send(ServerMessage message) {
        outbound.offer(message.frame());
    }

    void error(Object rid, String code, String message) {
        if (flavour == RoomEvent.Flavour.GATEWAY || rid == null) {
            send(new ServerMessage.Error(rid, code, message));
        }
    }

    /** Counts one abusive frame; true when the connection has gone over the limit and is being closed. */
    boolean abusive(long nowMillis, int limitPerMinute) {
        if (nowMillis - abuseWindowStart > 60_000) {
            abuseWindowStart = nowMillis;
            abuse = 0;
        }
        if (++abuse > limitPerMinute) {
            close(CloseCodes.POLICY_VIOLATION, "too many invalid or excessive messages");
            return true;
        }
        return false;
    }

    void close(short code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        if (ws.isClosed()) {
            outbound.close();
            return;
        }
        if (code == CloseCodes.SLOW_CONSUMER) {
            outbound.close();
            ws.close(code, reason); // nothing queued would reach it anyway
            return;
        }
        // Closing at once would discard queued frames (the errors explaining the close among them): write
        // them, then close: the close frame follows them on the channel. A client that does not read them is
        // closed anyway after FLUSH_GRACE.
        long guard = context.owner().setTimer(FLUSH_GRACE_MS, t -> {
            outbound.close();
            if (!ws.isClosed()) {
                ws.close(code, reason);
            }
        });
        outbound.finish(() -> {
            context.owner().cancelTimer(guard);
            if (!ws.isClosed()) {
                ws.close(code, reason);
            }
        });
    }

    boolean closing() {
        return closing;
    }
}
