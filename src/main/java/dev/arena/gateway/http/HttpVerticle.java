package dev.arena.gateway.http;

import dev.arena.gateway.ws.GatewaySockets;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance on its own event loop. The node deploys one per core on the same port; Vert.x
 * spreads accepted connections across them. On undeploy it stops accepting and lets in-flight requests
 * finish for up to the shutdown timeout.
 */
public final class HttpVerticle extends VerticleBase {
    private final ApiRouter.Services services;
    private final String host;
    private final int port;
    private final Duration shutdownTimeout;
    private HttpServer server;
    private GatewaySockets sockets;

    public HttpVerticle(ApiRouter.Services services, String host, int port, Duration shutdownTimeout) {
        this.services = services;
        this.host = host;
        this.port = port;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setTcpNoDelay(true)
                .setRegisterWebSocketWriteHandlers(false)
                .setCompressionSupported(false)
                .setIdleTimeout(120)
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
        if (services.realtime() != null) {
            int hard = services.realtime().limits().hardFrameBytes();
            options.setMaxWebSocketFrameSize(hard).setMaxWebSocketMessageSize(hard);
            if (services.realtime().limits().sendBufferBytes() > 0) {
                options.setSendBufferSize(services.realtime().limits().sendBufferBytes());
            }
            sockets = new GatewaySockets(services.realtime(), vertx, context);
        }
        server = vertx.createHttpServer(options).requestHandler(ApiRouter.build(vertx, services, sockets));
        return server.listen(port, host);
    }

    @Override
    public Future<?> stop() {
        Future<Void> socketsClosed = sockets == null ? Future.succeededFuture() : sockets.shutdown();
        return server == null ? socketsClosed
                : socketsClosed.compose(v -> server.shutdown(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
