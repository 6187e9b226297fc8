package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One drain of a socket's frames through {@link SocketSink}, without the kernel: {@code frames} frames of a room
 * message's size (110 bytes), written and flushed into a channel whose pipeline has the WebSocket frame encoder and
 * one more outbound handler below the sink (as a real socket's does), then taken off the channel and released (as
 * a real socket's write does). {@code batched} is the sink (the frames in one buffer, sized by the first for those
 * behind it); {@code perFrame} is the way before it, one buffer and one pass down the pipeline per frame, kept here
 * as the baseline. Per drain: divide by
 * {@code frames} for a frame. Run: {@code ./mvnw -q -Pjmh test-compile exec:exec -Djmh.args="SocketSinkBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SocketSinkBenchmark {
    @Param({"1", "4"})
    public int frames;

    private static final String HEAD = "{\"type\":\"room.message\",\"room\":\"r:42\",\"seq\":1234,\"data\":\"";
    private final EncodedText frame = EncodedText.of(HEAD + "x".repeat(108 - HEAD.length() - 2) + "\"}");
    private EmbeddedChannel channel;
    private ChannelHandlerContext ctx;
    private SocketSink sink;

    @Setup
    public void setUp() {
        channel = new EmbeddedChannel();
        channel.config().setAllocator(PooledByteBufAllocator.DEFAULT);
        channel.pipeline().addLast("wsencoder", new WebSocket13FrameEncoder(false))
                .addLast("other", new ChannelOutboundHandlerAdapter())
                .addLast("handler", new ChannelDuplexHandler());
        ctx = channel.pipeline().context("handler");
        sink = new SocketSink(ctx);
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public int batched() {
        for (int i = 0; i < frames; i++) {
            sink.write(frame, frames - 1 - i);
        }
        sink.flush();
        return take();
    }

    @Benchmark
    public int perFrame() {
        for (int i = 0; i < frames; i++) {
            byte[] payload = frame.utf8();
            ByteBuf buf = ctx.alloc().directBuffer(2 + payload.length);
            buf.writeByte(0x81).writeByte(payload.length).writeBytes(payload);
            ctx.write(buf, ctx.voidPromise());
        }
        ctx.flush();
        return take();
    }

    private int take() {
        int bytes = 0;
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            bytes += out.readableBytes();
            out.release();
        }
        return bytes;
    }
}
