package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.RawWebSocket;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, item 6: what an idle authenticated socket keeps on the heap. Counted with the JVM's class histogram (a
 * full collection, then live instances per class) around opening sockets whose clients hold no Vert.x objects (raw
 * sockets), so every instance counted is the server's. About 5 s.
 */
class IdleSocketHeapIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_WS_HEARTBEAT", "30s", "ARENA_WS_IDLE_TIMEOUT", "90s"));

    private static RawWebSocket open() throws Exception {
        RawWebSocket ws = RawWebSocket.connect(node.arena().port(), "/ws?token=" + node.player().token());
        assertThat(ws.await(1).text()).contains("\"type\":\"welcome\""); // the socket is fully set up
        return ws;
    }

    /** Live instances of classes whose name contains {@code part}, after a full collection. */
    private static long live(String part) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        long n = 0;
        for (String line : histogram.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":") && cols[3].contains(part)) {
                n += Long.parseLong(cols[1]);
            }
        }
        return n;
    }

    @Test
    void anIdleSocketKeepsNeitherAThreadSafeWriteQueueNorItsUpgradeRequest() throws Exception {
        int sockets = 40;
        open().close(); // the first upgrade creates whatever the node creates once
        // Netty's queue behind Vert.x's InternalMessageChannel (4.7 KB each), and the upgrade's leftovers (3 KB)
        String[] kept = {"MpscUnbounded", "Http1xServerRequest", "Http1xServerConnection", "RoutingContextImpl"};
        long[] before = new long[kept.length];
        for (int k = 0; k < kept.length; k++) {
            before[k] = live(kept[k]);
        }
        List<RawWebSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                open.add(open());
            }
            // without DirectWrites and UpgradeLeftovers every socket keeps one of each (40 here)
            for (int k = 0; k < kept.length; k++) {
                assertThat(live(kept[k]) - before[k]).as(kept[k]).isLessThan(sockets / 4);
            }
        } finally {
            for (RawWebSocket ws : open) {
                ws.close();
            }
        }
    }

    @Test
    void withoutTheQueuePongsPingsAndClosesStillReachTheClient() throws Exception {
        try (RawWebSocket ws = open()) {
            ws.frame(9, false, "are you there".getBytes(StandardCharsets.UTF_8), 13); // Vert.x answers on its loop
            assertThat(ws.await(10).text()).isEqualTo("are you there");

            // a quiet client: the heartbeat sweep pings it (30 s, plus up to a third of it: its own offset)
            node.clock().advance(Duration.ofSeconds(41));
            assertThat(ws.await(9).payload()).isNotNull();

            node.clock().advance(Duration.ofSeconds(50)); // 91 s without a frame from it: closed, with a close frame
            assertThat(ws.awaitClose()).isEqualTo((int) CloseCodes.HEARTBEAT_TIMEOUT);
        }
    }
}
