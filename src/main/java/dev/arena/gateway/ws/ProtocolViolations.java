package dev.arena.gateway.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Tells a client why its frame was refused. Netty's frame decoder names the RFC 6455 status of a frame it cannot
 * take (1009 for one above ARENA_WS_HARD_FRAME, 1002 for a broken one), but Vert.x configures it not to send it and
 * closes the connection on the exception, so the client saw the connection drop with no close frame. This handler
 * sits just before Vert.x's and writes that close frame first.
 *
 * <p>Like {@link SocketSink} it reaches into Vert.x's connection (there is no public pipeline hook); if a
 * future Vert.x changes it, clients simply see the connection drop as before.
 */
final class ProtocolViolations extends ChannelInboundHandlerAdapter {
    private static final String NAME = "arena-protocol-violations";

    private ProtocolViolations() {}

    static void install(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(NAME) != null) {
                return;
            }
            ChannelHandlerContext vertx = SocketSink.vertxHandler(pipeline);
            if (vertx != null) {
                pipeline.addBefore(vertx.name(), NAME, new ProtocolViolations());
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException refused && refused.closeStatus() != null
                && ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(refused.closeStatus().code(),
                    refused.closeStatus().reasonText()));
        }
        ctx.fireExceptionCaught(cause);
    }
}
