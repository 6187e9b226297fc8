package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The header deadline on Netty's embedded channel, whose clock the test moves: a new connection owes its head within
 * the deadline; a keep-alive connection between requests owes nothing until the next request's first byte.
 */
class HeaderDeadlineTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast("httpDecoder", new HttpRequestDecoder());
        channel.pipeline().addLast("httpEncoder", new HttpResponseEncoder());
        channel.pipeline().addLast("vertx", new ChannelInboundHandlerAdapter()); // stands in for Vert.x's handler
        HeaderDeadline.addTo(channel.pipeline(), "vertx", DEADLINE);
    }

    private void after(Duration d) {
        channel.advanceTimeBy(d.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    private void receive(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private void answer() {
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    }

    @Test
    void aNewConnectionThatSendsNoHeadIsClosedAtTheDeadline() {
        after(DEADLINE.minusMillis(1));
        assertThat(channel.isOpen()).isTrue();
        after(Duration.ofMillis(1));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aKeepAliveConnectionMayWaitBetweenRequestsLongerThanTheDeadline() {
        receive("GET /health/live HTTP/1.1\r\nHost: arena\r\n\r\n");
        answer();
        after(DEADLINE.multipliedBy(3));
        assertThat(channel.isOpen()).as("idle between requests: the idle time-out's to close").isTrue();
        receive("GET /health/live HTTP/1.1\r\nHost: arena\r\n\r\n");
        answer();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theNextHeadTrickledAfterAResponseIsClosedAtTheDeadlineFromItsFirstByte() {
        receive("GET /health/live HTTP/1.1\r\nHost: arena\r\n\r\n");
        answer();
        after(DEADLINE.multipliedBy(2));
        receive("GET /health/live HTTP/1.1\r\nX-Slow: a");
        after(DEADLINE.minusMillis(1));
        receive("a");
        assertThat(channel.isOpen()).isTrue();
        after(Duration.ofMillis(1));
        assertThat(channel.isOpen()).as("the trickled head's time is up").isFalse();
    }

    @Test
    void anUpgradeOnAReusedKeepAliveConnectionLeavesTheDeadlineBehind() {
        receive("GET /health/live HTTP/1.1\r\nHost: arena\r\n\r\n");
        answer();
        after(DEADLINE.multipliedBy(2));
        receive("GET /ws HTTP/1.1\r\nHost: arena\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.SWITCHING_PROTOCOLS));
        assertThat(channel.pipeline().names()).noneMatch(n -> n.startsWith("arena-header-deadline"));
        receive("frames that are no HTTP head");
        after(DEADLINE.multipliedBy(3));
        assertThat(channel.isOpen()).as("a WebSocket is the heartbeat's, not the header deadline's").isTrue();
    }

    @Test
    void aHeadThatArrivesInTimeDisarmsTheDeadline() {
        receive("GET /health/live HTTP/1.1\r\nHost: arena\r\n\r\n");
        after(DEADLINE.multipliedBy(2));
        assertThat(channel.isOpen()).as("a request being answered is not a slow head").isTrue();
    }
}
