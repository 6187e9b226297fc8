package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.TestNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing a node stops new connections at once but lets a request already in flight finish, database
 * work included. The request is held in flight by sending its body only after the node has begun to close.
 */
class GracefulShutdownIntegrationTest {

    @Test
    void anInFlightRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
        TestNode node = TestNode.start(GracefulShutdownIntegrationTest.class);
        int port = node.arena().port();
        String body = "{\"device_id\":\"shutdown-device-1\"}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("POST /auth/guest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // "100 Continue" comes from the router's body handler: the request is being handled.
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
            awaitRefusedConnections(port, closing);

            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = in.readLine();
            assertThat(status).as("the in-flight request is answered").isEqualTo("HTTP/1.1 200 OK");
            closing.get(60, TimeUnit.SECONDS);
        } finally {
            node.close();
        }
    }

    /** Waits until the port refuses connections (the node stopped accepting), or fails if closing ends first. */
    private static void awaitRefusedConnections(int port, CompletableFuture<Void> closing) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(closing).as("the node finished closing with a request still in flight").isNotDone();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (SocketException refusedOrReset) {
                // refused, or reset: accepted into a backlog that was then closed. Either way, not served.
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the node kept accepting connections while closing");
    }
}
