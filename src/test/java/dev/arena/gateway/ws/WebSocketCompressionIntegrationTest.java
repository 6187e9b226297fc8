package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15: browsers and Node's ws offer permessage-deflate on every upgrade, and Vert.x took it by default. It never
 * shrank a frame (SocketSink writes framed bytes below the encoder) but cost a zlib context per connection on both
 * sides and a detour of every write: a 5,000-client join storm from ws took twice the server's CPU. A node declines it,
 * and a compressed frame is then a protocol error, whatever it would inflate to.
 */
class WebSocketCompressionIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of());

    private static RawWebSocket offering() throws Exception {
        return RawWebSocket.offeringDeflate(node.arena().port(), "/ws?token=" + node.player().token());
    }

    @Test
    void anOfferOfPermessageDeflateIsDeclined() throws Exception {
        try (RawWebSocket ws = offering()) {
            assertThat(ws.handshake().toLowerCase()).doesNotContain("sec-websocket-extensions");
            assertThat(ws.await(RawWebSocket.TEXT).text()).startsWith("{\"type\":\"welcome\"");
        }
    }

    @Test
    void aCompressedFrameWhereNoneWasAgreedClosesTheSocketAsAProtocolError() throws Exception {
        try (RawWebSocket ws = offering()) {
            ws.compressedText("{\"type\":\"ping\",\"rid\":\"z\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(ws.awaitClose()).isEqualTo(1002);
        }
    }
}
