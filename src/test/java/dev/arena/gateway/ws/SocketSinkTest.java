package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a socket's frames enter its pipeline: below Vert.x's idle handler, and nowhere that skips an encoder. */
class SocketSinkTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    /** Vert.x's idle handler, counting the writes that pass through it. */
    private static final class CountingIdle extends IdleStateHandler {
        int writes;

        CountingIdle() {
            super(0, 0, 60, TimeUnit.SECONDS);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            writes++;
            super.write(ctx, msg, promise);
        }
    }

    /** Stands for an outbound handler (an encoder, TLS) that every frame must pass. */
    private static final class CountingEncoder extends ChannelOutboundHandlerAdapter {
        int writes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            writes++;
            ctx.write(msg, promise);
        }
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void framesSkipTheIdleHandlerRightBeforeVertxButPassEverythingNearerTheSocket() {
        CountingEncoder encoder = new CountingEncoder();
        CountingIdle idle = new CountingIdle();
        channel.pipeline().addLast("encoder", encoder).addLast("idle", idle)
                .addLast("arena-writability", new ChannelInboundHandlerAdapter())
                .addLast("handler", new ChannelDuplexHandler());

        ChannelHandlerContext from = SocketSink.writeContext(channel.pipeline().context("handler"));
        assertThat(from.name()).isEqualTo("idle");
        from.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 1, 'x'}), from.voidPromise());

        assertThat(idle.writes).isZero();
        assertThat(encoder.writes).isEqualTo(1);
        ByteBuf out = channel.readOutbound();
        assertThat(out.readableBytes()).isEqualTo(3);
        out.release();
    }

    @Test
    void anOutboundHandlerBetweenTheIdleHandlerAndVertxKeepsTheWritesAtVertx() {
        CountingEncoder encoder = new CountingEncoder();
        channel.pipeline().addLast("idle", new CountingIdle()).addLast("encoder", encoder)
                .addLast("handler", new ChannelDuplexHandler());

        ChannelHandlerContext from = SocketSink.writeContext(channel.pipeline().context("handler"));

        assertThat(from.name()).isEqualTo("handler");
    }

    @Test
    void withoutAnIdleHandlerTheWritesStartAtVertx() {
        channel.pipeline().addLast("encoder", new CountingEncoder()).addLast("handler", new ChannelDuplexHandler());

        assertThat(SocketSink.writeContext(channel.pipeline().context("handler")).name()).isEqualTo("handler");
    }
}
