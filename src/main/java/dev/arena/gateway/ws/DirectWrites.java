package dev.arena.gateway.ws;

import io.netty.channel.Channel;
import io.vertx.core.ThreadingModel;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.internal.concurrent.OutboundMessageQueue;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxConnection;
import io.vertx.core.net.impl.VertxHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an upgraded WebSocket's Vert.x connection the write path Vert.x gives connections in strict thread mode:
 * writes go straight into the channel, on the event loop, with no queue of their own.
 *
 * <p>Why: Vert.x 5.0's {@code WebSocketConnectionImpl} calls {@code VertxConnection(context, chctx)}, which always
 * builds a thread-safe outbound queue ({@code InternalMessageChannel}, an {@code MpscUnboundedAtomicArrayQueue}
 * whose first chunk is a 1,024-slot array): 4.9 KB of an idle socket's 14 KB of live heap, for a queue that
 * carries nothing but Vert.x's own pings, pongs and close frames (Arena's frames go through {@link SocketSink}
 * and its bounded {@link Outbound}). Vert.x has the queue-less variant ({@code DirectOutboundMessageQueue}, what
 * {@code HttpServerOptions#setStrictThreadMode} gives HTTP connections) but no option or factory that reaches the
 * WebSocket's connection, so this sets the connection's queue field to one, once, right after the upgrade.
 *
 * <p>It is sound because every write to an Arena socket's Vert.x WebSocket happens on the connection's event loop:
 * Vert.x's pongs and close frames are written on the loop (a close from elsewhere hops there first), and Arena's
 * pings ({@code GatewaySockets#sweep}) and the {@link SocketSink} fallback run on it; with assertions on (the tests),
 * Vert.x's {@code VertxConnection#write} asserts it. Back-pressure is unchanged: the direct queue reports the
 * channel's writability and calls the drain handler when the channel drains, as the queue did.
 *
 * <p>It reaches into Vert.x internals (a final field and a private class; JDK 25 lets a class-path library set a
 * final field through reflection, JDK 26 warns once unless the JVM runs with
 * {@code --enable-final-field-mutation=ALL-UNNAMED}, and a later JDK may refuse). When anything differs (another
 * Vert.x version, a JDK that refuses, a connection not on an event-loop context, a queue that already holds a
 * write), it leaves Vert.x's queue in place: the socket works as before and costs 4.9 KB more.
 */
final class DirectWrites {
    private static final Logger log = LoggerFactory.getLogger(DirectWrites.class);
    /** Null when this Vert.x does not have the pieces; then {@link #install} does nothing. */
    private static final Reach REACH = Reach.find();

    private DirectWrites() {}

    /** The reflective handles, found once. */
    private record Reach(Field queue, Constructor<?> direct, Field mpsc, Field pending) {
        static Reach find() {
            try {
                Field queue = VertxConnection.class.getDeclaredField("outboundMessageQueue");
                Class<?> directClass = Class.forName(VertxConnection.class.getName() + "$DirectOutboundMessageQueue");
                Constructor<?> direct = directClass.getDeclaredConstructor(VertxConnection.class);
                Field mpsc = OutboundMessageQueue.class.getDeclaredField("mqp");
                Field pending = mpsc.getType().getName().equals("io.vertx.core.streams.impl.MessagePassingQueue$MpSc")
                        ? mpsc.getType().getDeclaredField("wip") : null;
                if (pending == null || pending.getType() != long.class) {
                    throw new NoSuchFieldException("MessagePassingQueue.MpSc.wip");
                }
                queue.setAccessible(true);
                direct.setAccessible(true);
                mpsc.setAccessible(true);
                pending.setAccessible(true);
                return new Reach(queue, direct, mpsc, pending);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.info("WebSockets keep Vert.x's thread-safe write queue (about 5 KB each): {}", e.toString());
                return null;
            }
        }
    }

    /**
     * Replaces the thread-safe queue of the WebSocket connection that {@code upgraded} was upgraded to. Call it on
     * the connection's event loop, right after the upgrade, before anything is written. True when replaced.
     */
    static boolean install(HttpConnection upgraded) {
        if (REACH == null || !(upgraded instanceof ConnectionBase base)) {
            return false;
        }
        Channel channel = base.channel();
        VertxHandler<?> vertx = SocketSink.webSocketHandler(channel.pipeline());
        if (vertx == null || !(vertx.getConnection() instanceof VertxConnection ws)
                || !channel.eventLoop().inEventLoop()
                || ws.context().threadingModel() != ThreadingModel.EVENT_LOOP
                || ws.context().nettyEventLoop() != channel.eventLoop()) {
            return false;
        }
        try {
            if (!(REACH.queue.get(ws) instanceof OutboundMessageQueue<?> old)
                    || REACH.pending.getLong(REACH.mpsc.get(old)) != 0) {
                return false; // already replaced, or Vert.x has queued a write: leave it to drain as it would
            }
            REACH.queue.set(ws, REACH.direct.newInstance(ws));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("left Vert.x's WebSocket write queue in place: {}", e.toString());
            return false;
        }
    }
}
