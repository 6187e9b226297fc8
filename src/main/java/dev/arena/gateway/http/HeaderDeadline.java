package dev.arena.gateway.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
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
 * {@link HttpRequest}) is not complete within {@code ARENA_HTTP_HEADER_TIMEOUT} of the connection opening, or of
 * its last response on a keep-alive connection. The idle time-out cannot catch this, since every trickled byte
 * resets it. Leaves the pipeline when the connection becomes a WebSocket (101), which has its own heartbeat.
 *
 * <p>Vert.x has no such option nor a public pipeline hook: like {@code gateway.ws.ProtocolViolations} this sits
 * just before Vert.x's own handler, reached through its connection; a connection that is not HTTP/1 (HTTP/2, or
 * a future Vert.x that changes this) is left alone.
 */
final class HeaderDeadline extends ChannelDuplexHandler {
    private static final String NAME = "arena-header-deadline";

    private final long timeoutMillis;
    /** Requests whose head has arrived and whose response has not yet been written in full. */
    private int inFlight;
    private ScheduledFuture<?> timer;

    private HeaderDeadline(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
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
                    pipeline.addBefore(entry.getKey(), NAME, new HeaderDeadline(timeout));
                    return;
                }
            }
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            inFlight++;
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            disarm();
            ctx.pipeline().remove(this);
        } else if (msg instanceof LastHttpContent && inFlight > 0 && --inFlight == 0) {
            arm(ctx); // keep-alive: the next request's head has its own deadline, counted from this response
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

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        // closed without a response: a client this slow is not worth a 408
        timer = ctx.executor().schedule(() -> ctx.channel().close(), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
