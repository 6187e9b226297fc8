package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;

/**
 * Writes a connection's frames straight into its Netty channel, already framed. A server's text frame is the same
 * bytes for every recipient (servers do not mask), so it is built from the shared {@link EncodedText} into one
 * pooled buffer: no string encoding, frame objects or write promise per recipient, as
 * {@code ServerWebSocket#writeFinalTextFrame} would make. The frames of one drain go into one buffer, written and
 * flushed once: one pass down the pipeline, one entry in Netty's outbound buffer and one syscall for all the frames
 * waiting for a socket. Written one by one, each frame cost its own pass and entry: four frames took 1.26 µs
 * against 0.36 µs now ({@code SocketSinkBenchmark}; many busy rooms have about four per drain). The frames pass
 * every handler between Vert.x's idle handler and the socket (TLS among them; {@link #writeContext} says why not
 * the idle handler); the WebSocket encoders leave ready bytes alone. No socket has a deflate encoder in the way: a
 * node declines permessage-deflate ({@code HttpVerticle} says why).
 *
 * <p>Vert.x's own write queue does not see these writes, so back-pressure is read from the channel itself: its
 * writability (counting the frames of a drain not yet flushed), and a handler placed before Vert.x's that wakes
 * the connection when the channel drains. This reaches into Vert.x's internals (there is no public pipeline hook);
 * when it cannot, {@link #of} falls back to the public API, one flush per frame.
 */
final class SocketSink implements Outbound.Sink {
    private static final String WATCH = "arena-writability";
    private static final int FIN_TEXT = 0x81;
    /** The most frames a drain's first buffer is sized for, and the most bytes it is sized to beyond one frame. */
    private static final int SIZED_FOR = 16;
    private static final int MAX_SIZED = 64 * 1024;
    private final ChannelHandlerContext ctx;
    /** The frames written since the last flush, or null: only ever between a drain's writes and its flush. */
    private ByteBuf pending;

    /** Writes into {@code ctx}'s pipeline from there on ({@link #of} finds where). */
    SocketSink(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The sink for {@code ws}, upgraded from {@code connection}; {@code onWritable} runs on the event loop when the
     * socket can take more again.
     */
    static Outbound.Sink of(HttpConnection connection, ServerWebSocket ws, Runnable onWritable) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            ChannelHandlerContext vertx = vertxHandler(pipeline);
            if (vertx != null) {
                if (pipeline.get(WATCH) == null) {
                    pipeline.addBefore(vertx.name(), WATCH, new Watch(onWritable));
                }
                return new SocketSink(writeContext(vertx));
            }
        }
        return new VertxSink(ws);
    }

    /** The context of Vert.x's handler in {@code pipeline} (the one that feeds its connection), or null. */
    static ChannelHandlerContext vertxHandler(ChannelPipeline pipeline) {
        for (var entry : pipeline) {
            if (entry.getValue().getClass().getName().equals("io.vertx.core.net.impl.VertxHandler")) {
                return pipeline.context(entry.getKey());
            }
        }
        return null;
    }

    /** Vert.x's WebSocket connection class (internal: matched by name, so another Vert.x just finds nothing). */
    static final String WEBSOCKET_CONNECTION = "io.vertx.core.http.impl.WebSocketConnectionImpl";

    /**
     * Vert.x's handler in {@code pipeline} once it feeds a WebSocket connection (the upgrade completed), or null:
     * what {@link DirectWrites} and {@link UpgradeLeftovers} change.
     */
    static VertxHandler<?> webSocketHandler(ChannelPipeline pipeline) {
        ChannelHandlerContext ctx = vertxHandler(pipeline);
        return ctx != null && ctx.handler() instanceof VertxHandler<?> vertx && vertx.getConnection() != null
                && vertx.getConnection().getClass().getName().equals(WEBSOCKET_CONNECTION) ? vertx : null;
    }

    /**
     * Where frames enter the pipeline: below Vert.x's idle handler when it is the next outbound handler, else at
     * Vert.x's own handler. The idle handler turns every write's void promise into a new promise with a listener
     * (to note the time of the write): an object and a completion per frame per recipient. Skipping it closes no
     * socket earlier: the idle handler still sees every read, and a socket whose client was quiet for
     * {@code ARENA_WS_HEARTBEAT} is pinged through Vert.x (a write the idle handler sees), which configuration keeps
     * shorter than Vert.x's idle timeout ({@code ARENA_HTTP_IDLE_TIMEOUT}).
     */
    static ChannelHandlerContext writeContext(ChannelHandlerContext vertx) {
        ChannelHandlerContext previous = null;
        for (var entry : vertx.pipeline()) {
            ChannelHandlerContext c = vertx.pipeline().context(entry.getKey());
            if (c == vertx) {
                break;
            }
            if (entry.getValue() instanceof ChannelOutboundHandler) {
                previous = c;
            }
        }
        return previous != null && previous.handler() instanceof IdleStateHandler ? previous : vertx;
    }

    /**
     * False while the channel is above its high-water mark counting the frames not yet flushed, and once it is
     * closed (the connection's close handler then ends it). Counting them keeps the bound a drain's writes had one
     * by one; and when they are what crosses the mark, the flush takes the channel over it and the channel's
     * return below the low-water mark wakes the connection, as before.
     */
    @Override
    public boolean writable() {
        return ctx.channel().bytesBeforeUnwritable() > (pending == null ? 0 : pending.readableBytes());
    }

    /**
     * The first frame of a drain sizes the buffer for the frames behind it too (up to {@link #SIZED_FOR} frames of
     * its size), so the usual drain fills one buffer without growing it: grown twice, four frames took 0.61 µs
     * instead of 0.31-0.36 ({@code SocketSinkBenchmark}). One frame alone gets exactly its size.
     */
    @Override
    public void write(EncodedText frame, int behind) {
        byte[] payload = frame.utf8();
        int n = payload.length;
        int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
        ByteBuf buf = pending;
        if (buf == null) {
            long sized = (long) (header + n) * (1 + Math.min(behind, SIZED_FOR - 1));
            buf = pending = ctx.alloc().directBuffer((int) Math.min(sized, Math.max(header + n, MAX_SIZED)));
        } else {
            buf.ensureWritable(header + n);
        }
        buf.writeByte(FIN_TEXT);
        if (n < 126) {
            buf.writeByte(n);
        } else if (n <= 0xFFFF) {
            buf.writeByte(126).writeShort(n);
        } else {
            buf.writeByte(127).writeLong(n);
        }
        buf.writeBytes(payload);
    }

    @Override
    public void flush() {
        ByteBuf buf = pending;
        if (buf != null) {
            pending = null;
            ctx.writeAndFlush(buf, ctx.voidPromise()); // the channel releases it, written or not
        }
    }

    /** Tells the connection when the channel drained below its low-water mark. */
    private static final class Watch extends ChannelInboundHandlerAdapter {
        private final Runnable onWritable;

        Watch(Runnable onWritable) {
            this.onWritable = onWritable;
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                onWritable.run();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public boolean isSharable() {
            return false;
        }
    }

    /** The public API's way: one frame, one flush. Only when Vert.x's channel cannot be reached. */
    private record VertxSink(ServerWebSocket ws) implements Outbound.Sink {
        @Override
        public boolean writable() {
            return !ws.isClosed() && !ws.writeQueueFull();
        }

        @Override
        public void write(EncodedText frame, int behind) {
            ws.writeFinalTextFrame(frame.text());
        }

        @Override
        public void flush() {}
    }
}
