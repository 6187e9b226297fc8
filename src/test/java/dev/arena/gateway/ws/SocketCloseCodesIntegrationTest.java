package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14: frames the gateway must refuse closed the socket with 1011 (internal error), or were answered as if
 * they were fine. RFC 6455 names the right codes: 1009 for a message too big, 1007 for invalid UTF-8 in text.
 */
class SocketCloseCodesIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_WS_MAX_MESSAGE", "4KiB"));

    private static RawWebSocket open() throws Exception {
        return RawWebSocket.connect(node.arena().port(), "/ws?token=" + node.player().token());
    }

    @Test
    void aTwoMegabyteFrameClosesWith1009Not1011() throws Exception {
        try (RawWebSocket ws = open()) {
            ws.frame(RawWebSocket.TEXT, false, "{\"type\":\"ping\"".getBytes(StandardCharsets.UTF_8), 2L << 20);
            assertThat(ws.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void invalidUtf8InATextFrameClosesWith1007() throws Exception {
        try (RawWebSocket ws = open()) {
            byte[] text = "{\"type\":\"ping\",\"rid\":\"xx\"}".getBytes(StandardCharsets.UTF_8);
            text[22] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
            ws.text(text);
            assertThat(ws.awaitClose()).isEqualTo(1007);
        }
    }
}
