package dev.arena.gateway.http;

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
                .setCompressionSupported(false)
                .setIdleTimeout(120)
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
        server = vertx.createHttpServer(options).requestHandler(ApiRouter.build(vertx, services));
        return server.listen(port, host);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture()
                : server.shutdown(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
