package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, slow clients over raw TCP: a connection that sends nothing, or stalls in the middle of a request, is
 * closed after ARENA_HTTP_IDLE_TIMEOUT (made small here); one that trickles a request head, resetting the idle
 * time-out with every byte, is closed by ARENA_HTTP_HEADER_TIMEOUT (shorter still here), which keep-alive clients
 * and WebSockets never notice.
 */
class SlowClientsIntegrationTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(SlowClientsIntegrationTest.class, Map.of(
                "ARENA_HTTP_IDLE_TIMEOUT", "1500ms", "ARENA_HTTP_HEADER_TIMEOUT", "1s",
                "ARENA_WS_HEARTBEAT", "500ms", "ARENA_WS_IDLE_TIMEOUT", "1s"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A raw connection: what it has read so far, and whether the server closed it. */
    private static final class Raw implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final ByteArrayOutputStream read = new ByteArrayOutputStream();
        boolean closed;

        Raw() {
            try {
                socket = new Socket("127.0.0.1", node.arena().port());
                socket.setSoTimeout(10);
                in = socket.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Raw send(String text) {
            try {
                socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                closed = true; // reset by the server
            }
            return this;
        }

        /** Reads what has arrived; true once the server has closed the connection. */
        boolean poll() {
            byte[] buf = new byte[4096];
            try {
                while (!closed) {
                    int n = in.read(buf);
                    if (n < 0) {
                        closed = true;
                    } else {
                        read.write(buf, 0, n);
                    }
                }
            } catch (SocketTimeoutException e) {
                return closed;
            } catch (IOException e) {
                closed = true;
            }
            return closed;
        }

        String text() {
            return read.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Raw raw = new Raw()) {
            Eventually.until(raw::poll, closed -> closed, Duration.ofSeconds(10), "the silent connection to be closed");
            assertThat(raw.text()).isEmpty();
        }
    }

    @Test
    void aRequestStalledAfterItsHeadIsClosedByTheIdleTimeout() throws IOException {
        try (Raw raw = new Raw().send("POST /auth/guest HTTP/1.1\r\nHost: arena\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"device_id\":")) {
            Eventually.until(raw::poll, closed -> closed, Duration.ofSeconds(10), "the stalled request to be closed");
        }
    }

    private static final String LIVE = "GET /health/live HTTP/1.1\r\nHost: arena\r\n\r\n";

    /** Sends one more byte of a header value at every probe (every 20 ms: well inside the idle time-out). */
    private static void trickleUntilClosed(Raw raw, String what) {
        raw.send("GET /health/live HTTP/1.1\r\nX-Slow: ");
        Eventually.until(() -> raw.send("a").poll(), closed -> closed, Duration.ofSeconds(10), what);
    }

    @Test
    void aTrickledRequestHeadIsClosedByTheHeaderDeadline() throws IOException {
        try (Raw raw = new Raw()) {
            trickleUntilClosed(raw, "the trickled head to be closed");
            assertThat(raw.text()).isEmpty();
        }
    }

    @Test
    void aKeepAliveClientIsServedAndItsNextHeadHasItsOwnDeadline() throws IOException {
        try (Raw raw = new Raw()) {
            for (int i = 1; i <= 3; i++) {
                int n = i;
                raw.send(LIVE);
                Eventually.until(() -> {
                    raw.poll();
                    return raw.text().split("HTTP/1.1 200", -1).length - 1;
                }, answered -> answered == n, Duration.ofSeconds(10), "response " + n);
                assertThat(raw.closed).isFalse();
            }
            // the next head's deadline starts with its first byte: a trickled next head is closed too
            trickleUntilClosed(raw, "the trickled second head to be closed");
        }
    }

    @Test
    void aWebSocketOutlivesTheHeaderDeadline() {
        // not over HTTP: the idle time-out here (1.5 s) may close a pooled keep-alive connection just as the
        // client reuses it for a POST (which it does not retry)
        String token = node.arena().identity().guest("slow-ws-device").toCompletionStage().toCompletableFuture()
                .join().token();
        try (WsClient ws = WsClient.gateway(node.arena().vertx(), node.arena().port(), token)) {
            ws.welcome();
            long opened = System.nanoTime();
            // twice the header deadline, failing at once if the socket closes meanwhile; the client pings at every
            // probe so that the (also short) idle time-out does not end it first
            Eventually.until(() -> {
                assertThat(ws.isClosed()).as("the socket was closed (%s)", ws.isClosed() ? ws.awaitClose() : 0)
                        .isFalse();
                ws.socket().writePing(Buffer.buffer("still here"));
                return System.nanoTime() - opened;
            }, elapsed -> elapsed > Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(10), "two seconds open");
            assertThat(WsClient.join(ws, "slow-room").getString("room")).isEqualTo("slow-room");
        }
    }

    /**
     * HTTP/2 is not served, so no connection escapes the header deadline (which watches HTTP/1 request heads): before,
     * Vert.x's default cleartext HTTP/2 answered the prior-knowledge preface with its SETTINGS frame, and such a
     * connection was left alone by the deadline. Now the preface is an HTTP/1 request line it does not understand.
     */
    @Test
    void http2IsNotSpokenNeitherByPriorKnowledgeNorByUpgrade() throws IOException {
        try (Raw raw = new Raw().send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")) {
            Eventually.until(() -> {
                raw.poll();
                return raw.closed || !raw.text().isEmpty();
            }, answered -> answered, Duration.ofSeconds(10), "an answer to the HTTP/2 preface");
            // an HTTP/2 server's first bytes are its binary SETTINGS frame; here Vert.x's HTTP/1 codec refuses the line
            assertThat(raw.text()).as("the answer to the HTTP/2 preface").matches("(?s)HTTP/\\S+ [45]\\d\\d .*");
        }
        try (Raw raw = new Raw().send("GET /health/live HTTP/1.1\r\nHost: arena\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n")) {
            Eventually.until(() -> {
                raw.poll();
                return raw.text();
            }, text -> text.contains("\r\n\r\n"), Duration.ofSeconds(10), "the answer to an h2c upgrade");
            assertThat(raw.text()).as("answered over HTTP/1.1, not upgraded").startsWith("HTTP/1.1 200");
        }
    }
}
