package dev.arena.gateway.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Slowloris: closes an HTTP/1 connection whose request head (request line and headers, decoded by Netty into an
 * {@link HttpRequest}) is not complete within {@code ARENA_HTTP_HEADER_TIMEOUT} of the connection opening, or, on a
 * keep-alive connection, of the first byte of its next request. The idle time-out cannot catch this, since every
 * trickled byte resets it. A keep-alive connection that sends nothing between requests is the idle time-out's to
 * close, not this deadline's: counting from the last response closed pooled connections that clients were about to
 * reuse, and a client does not retry a POST on a connection closed under it (the soak lost match steps so). Leaves
 * the pipeline when the connection becomes a WebSocket (101), which has its own heartbeat.
 *
 * <p>Vert.x has no such option nor a public pipeline hook: like {@code gateway.ws.ProtocolViolations} this sits
 * just before Vert.x's own handler, reached through its connection; a connection that is not HTTP/1 (HTTP/2, or
 * a future Vert.x that changes this) is left alone.
 */
final class HeaderDeadline extends ChannelDuplexHandler {
    private static final String NAME = "arena-header-deadline";
    private static final String FIRST_BYTE = "arena-header-deadline-first-byte";

    private final long timeoutMillis;
    /** Requests whose head has arrived and whose response has not yet been written in full. */
    private int inFlight;
    /** A keep-alive connection between requests: the next byte that arrives starts the next head's deadline. */
    private boolean betweenRequests;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;

    HeaderDeadline(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Adds the deadline before {@code beforeName} (Vert.x's own handler) and its byte watch before the HTTP decoder,
     * which sees the bytes of a head before they make an {@link HttpRequest}.
     */
    static void addTo(ChannelPipeline pipeline, String beforeName, Duration timeout) {
        HeaderDeadline deadline = new HeaderDeadline(timeout);
        pipeline.addBefore("httpDecoder", FIRST_BYTE, deadline.new FirstByte());
        pipeline.addBefore(beforeName, NAME, deadline);
    }

    /** Called for each new connection, on its event loop, before it has read a request. */
    static void install(HttpConnection connection, Duration timeout) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(NAME) != null || pipeline.get("httpDecoder") == null) {
                return;
            }
            for (var entry : pipeline) {
                ChannelHandler h = entry.getValue();
                if (h.getClass().getName().equals("io.vertx.core.net.impl.VertxHandler")) {
                    addTo(pipeline, entry.getKey(), timeout);
                    return;
                }
            }
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        arm(); // a new connection owes its first head from now on, bytes or not
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            inFlight++;
            betweenRequests = false;
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            disarm();
            if (ctx.pipeline().get(FIRST_BYTE) != null) {
                ctx.pipeline().remove(FIRST_BYTE);
            }
            ctx.pipeline().remove(this);
        } else if (msg instanceof LastHttpContent && inFlight > 0 && --inFlight == 0) {
            betweenRequests = true; // keep-alive: the next head's deadline starts with its first byte
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void arm() {
        disarm();
        // closed without a response: a client this slow is not worth a 408
        ChannelHandlerContext c = ctx;
        timer = c.executor().schedule(() -> c.channel().close(), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Sees the raw bytes before the HTTP decoder: the first of a keep-alive connection's next request arms. */
    private final class FirstByte extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext byteCtx, Object msg) throws Exception {
            if (betweenRequests && ctx != null) {
                betweenRequests = false;
                arm();
            }
            byteCtx.fireChannelRead(msg);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
