package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.EncodedText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a socket's frames enter its pipeline (below Vert.x's idle handler, and nowhere that skips an encoder), and
 * how a drain's frames leave: in one buffer, with the high-water mark kept.
 */
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
    void aDrainsFramesLeaveInOneBufferInOrderThroughEveryHandler() {
        CountingEncoder encoder = new CountingEncoder();
        channel.pipeline().addLast("encoder", encoder).addLast("handler", new ChannelDuplexHandler());
        SocketSink sink = new SocketSink(channel.pipeline().context("handler"));

        sink.write(EncodedText.of("a"), 0); // sized for itself alone: the next two grow it
        sink.write(EncodedText.of("x".repeat(200)), 1); // a 16-bit length
        sink.write(EncodedText.of("bc"), 0);
        assertThat(encoder.writes).as("nothing leaves before the flush").isZero();
        sink.flush();
        sink.flush(); // nothing pending: writes nothing

        assertThat(encoder.writes).isEqualTo(1);
        ByteBuf out = channel.readOutbound();
        byte[] expected = ByteBufUtil.getBytes(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 1, 'a'},
                new byte[] {(byte) 0x81, 126, 0, (byte) 200}, "x".repeat(200).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0x81, 2, 'b', 'c'}));
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(expected);
        out.release();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void framesNotYetFlushedCountTowardsTheHighWaterMarkAndTheFlushWakesTheConnection() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(100, 200));
        List<Boolean> changes = new ArrayList<>();
        channel.pipeline().addLast("watch", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                changes.add(ctx.channel().isWritable());
            }
        }).addLast("handler", new ChannelDuplexHandler());
        SocketSink sink = new SocketSink(channel.pipeline().context("handler"));

        int frames = 0;
        while (sink.writable()) {
            sink.write(EncodedText.of("y".repeat(48)), 10); // 50 bytes framed
            frames++;
        }
        assertThat(frames).as("frames written before the sink pushed back").isEqualTo(5); // 250 bytes > 201
        assertThat(channel.isWritable()).as("the channel itself has nothing yet").isTrue();
        sink.flush();
        channel.runPendingTasks();

        // the flush took the channel over its mark and back below it: the connection (the watch) is woken
        assertThat(changes).containsExactly(false, true);
        assertThat(sink.writable()).isTrue();
        ByteBuf out = channel.readOutbound();
        assertThat(out.readableBytes()).isEqualTo(250);
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
