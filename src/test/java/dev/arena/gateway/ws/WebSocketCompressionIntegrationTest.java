package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15: browsers and Node's ws offer permessage-deflate on every upgrade, and Vert.x took it by default, so every
 * frame to such a client was deflated with that connection's own context: a broadcast once per recipient, and a
 * 5,000-client join storm cost the server twice the CPU. A node takes it only with {@code ARENA_WS_COMPRESSION=true}
 * ({@link SocketCloseCodesIntegrationTest} runs with it on).
 */
class WebSocketCompressionIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of());

    private static RawWebSocket offering() throws Exception {
        String token = node.arena().identity().guest("device-" + UUID.randomUUID())
                .toCompletionStage().toCompletableFuture().get().token();
        return RawWebSocket.offeringDeflate(node.arena().port(), "/ws?token=" + token);
    }

    @Test
    void anOfferOfPermessageDeflateIsDeclinedAndFramesComeUncompressed() throws Exception {
        try (RawWebSocket ws = offering()) {
            assertThat(ws.handshake().toLowerCase()).doesNotContain("sec-websocket-extensions");
            RawWebSocket.Frame welcome = ws.await(RawWebSocket.TEXT);
            assertThat(welcome.rsv1()).isFalse();
            assertThat(welcome.text()).startsWith("{\"type\":\"welcome\"");
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
