package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.RawWebSocket;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an upgraded WebSocket still shows and does once {@link DirectWrites} and {@link UpgradeLeftovers} have run on
 * it, on a bare Vert.x server set up as Arena's (strict thread mode). About 1 s.
 */
class UpgradeLeftoversTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void theSocketForgetsTheTokenInItsUriAndStillWritesAndCloses() throws Exception {
        CompletableFuture<List<Object>> seen = new CompletableFuture<>();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setStrictThreadMode(true))
                .requestHandler(req -> req.toWebSocket().onSuccess(ws -> {
                    boolean direct = DirectWrites.install(req.connection());
                    boolean dropped = UpgradeLeftovers.drop(req.connection());
                    seen.complete(List.of(direct, dropped, ws.uri(), String.valueOf(ws.query()), ws.headers().size()));
                    ws.writeFinalTextFrame("hello"); // Vert.x's own write path, without its queue
                    ws.close((short) 4321, "bye");
                }));
        int port = server.listen(0, "127.0.0.1").await().actualPort();

        try (RawWebSocket client = RawWebSocket.connect(port, "/ws?token=secret-token")) {
            assertThat(client.await(1).text()).isEqualTo("hello");
            assertThat(client.awaitClose()).isEqualTo(4321);
        }
        // without UpgradeLeftovers: /ws?token=secret-token, token=secret-token and the request's 5 headers
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(true, true, "/ws", "null", 0);
    }
}
