package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test socket client against a local echo server. Vert.x shuts down a client nobody references once the garbage
 * collector finds it; a socket whose client was dropped while it was still connecting was closed under the test
 * ("Connection evicted", then the handshake failed: TournamentLiveIntegrationTest failed so on a loaded machine).
 */
class WsClientTest {
    private static Vertx vertx;
    private static HttpServer echo;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        echo = Futures.await(vertx.createHttpServer()
                .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
                .listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void anOpenSocketKeepsItsClientThroughAGarbageCollection() {
        try (WsClient c = WsClient.connect(vertx, echo.actualPort(), "/")) {
            WeakReference<WebSocketClient> client = new WeakReference<>(c.client());
            System.gc();
            assertThat(client.get()).as("reachable while the socket is open, so never shut down under it").isNotNull();
            c.send(WsClient.msg("echo", "n", 1));
            assertThat(c.await("echo").getInteger("n")).isEqualTo(1);
        }
    }

    @Test
    void closingTheSocketClosesItsClient() {
        WsClient c = WsClient.connect(vertx, echo.actualPort(), "/");
        c.close();
        Eventually.until(() -> {
            try {
                Futures.await(c.client().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                        .setPort(echo.actualPort()).setURI("/"))).close();
                return false;
            } catch (RuntimeException e) {
                return true; // "Client is closed"
            }
        }, closed -> closed, "the client closed after its socket");
    }
}
