package dev.arena.gateway.http;

import dev.arena.config.HttpConfig;
import dev.arena.gateway.ws.GatewaySockets;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP server instance on its own event loop. The node deploys one per core on the same port; Vert.x
 * spreads accepted connections across them. On undeploy it stops accepting and lets in-flight requests
 * finish for up to the shutdown timeout.
 */
public final class HttpVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(HttpVerticle.class);
    /** How often the TLS files are checked for a change (a renewed certificate is served without a restart). */
    static final long TLS_RELOAD_CHECK_MS = 5_000;
    private final ApiRouter.Services services;
    private final String host;
    private final int port;
    private final Duration shutdownTimeout;
    private HttpServer server;
    private GatewaySockets sockets;
    private long tlsTimer = -1;
    private List<Long> tlsStamp = List.of();

    public HttpVerticle(ApiRouter.Services services, String host, int port, Duration shutdownTimeout) {
        this.services = services;
        this.host = host;
        this.port = port;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public Future<?> start() {
        var http = services.config().http();
        HttpServerOptions options = options(http);
        if (services.realtime() != null) {
            int hard = services.realtime().limits().hardFrameBytes();
            options.setMaxWebSocketFrameSize(hard).setMaxWebSocketMessageSize(hard);
            if (services.realtime().limits().sendBufferBytes() > 0) {
                options.setSendBufferSize(services.realtime().limits().sendBufferBytes());
            }
            sockets = new GatewaySockets(services.realtime(), vertx, context, http.idleTimeout());
        }
        if (http.tlsCert().isPresent()) {
            Path cert = http.tlsCert().get();
            Path key = http.tlsKey().orElseThrow();
            options.setSsl(true).setKeyCertOptions(pem(cert, key));
            tlsStamp = stamp(cert, key);
            // files are read on a worker; only a changed pair is handed to the server
            tlsTimer = vertx.setPeriodic(TLS_RELOAD_CHECK_MS, t -> vertx.executeBlocking(() -> stamp(cert, key), false)
                    .onSuccess(now -> {
                        if (!now.isEmpty() && !now.equals(tlsStamp)) {
                            tlsStamp = now;
                            // force: the paths are unchanged, only the files behind them are new
                            server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(pem(cert, key)), true)
                                    .onSuccess(v -> log.info("TLS certificate reloaded from {}", cert))
                                    .onFailure(e -> log.warn("TLS certificate in {} not reloaded: {}", cert,
                                            e.getMessage()));
                        }
                    }));
        }
        Duration headerTimeout = http.headerTimeout();
        server = vertx.createHttpServer(options)
                .connectionHandler(connection -> HeaderDeadline.install(connection, headerTimeout))
                .requestHandler(ApiRouter.build(vertx, services, sockets));
        return server.listen(port, host);
    }

    static final int MAX_CHUNK = 64 * 1024;

    /** The server's options that do not depend on the real-time limits or TLS files. */
    static HttpServerOptions options(HttpConfig http) {
        return new HttpServerOptions()
                .setTcpNoDelay(true)
                .setRegisterWebSocketWriteHandlers(false)
                // Responses are written only on their connection's event loop (every wait in a handler comes back
                // through RequestLoop), so the connection needs no thread-safe outbound queue: without this, each
                // one allocates a 1,024-slot queue (4.7 KB) that an upgraded WebSocket keeps for its whole life.
                // A response written from another thread throws instead of being queued.
                .setStrictThreadMode(true)
                .setCompressionSupported(false)
                // No WebSocket compression, which Vert.x offers by default and browsers and Node's ws take. It never
                // shrank a frame: SocketSink writes each frame's bytes, framed once for all recipients, below the
                // deflate encoder. What it did cost: a zlib context per connection on both sides (clients deflate
                // what they send, the node inflates it) and the encoder in every socket's write path (SocketSink's
                // write then runs through the idle handler). A 5,000-client join storm from ws took 10-14 s with it,
                // under 5 without (docs/BENCHMARKS.md).
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // a request body reaches its handler in pieces of at most this (Vert.x's default is 8 KB): a
                // streamed game-log upload then costs an eighth of the per-piece dispatch, heap copy and pipe hand-
                // over (docs/LOGS.md, "Measurement"); the pieces are slices of a read, so no buffer grows with it
                .setMaxChunkSize(MAX_CHUNK)
                // a connection silent both ways this long is closed; a quiet WebSocket is pinged well before
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, http.idleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // HTTP/1.1 only: HTTP/2 (cleartext h2c, on by default in Vert.x, or h2 by ALPN) would bypass the
                // header deadline, which watches HTTP/1 request heads; nothing Arena serves needs HTTP/2
                .setHttp2ClearTextEnabled(false)
                .setUseAlpn(false)
                // a TLS handshake gets the header deadline too: a client that opens TCP and trickles (or never
                // sends) its handshake is closed then, not after Vert.x's default 10 s
                .setSslHandshakeTimeout(http.headerTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static PemKeyCertOptions pem(Path cert, Path key) {
        return new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
    }

    /** Modification times and sizes of the certificate and key: a renewal changes at least one. */
    private static List<Long> stamp(Path cert, Path key) {
        try {
            return List.of(Files.getLastModifiedTime(cert).toMillis(), Files.size(cert),
                    Files.getLastModifiedTime(key).toMillis(), Files.size(key));
        } catch (IOException e) {
            return List.of(); // missing while being replaced: try again at the next check
        }
    }

    @Override
    public Future<?> stop() {
        if (tlsTimer >= 0) {
            vertx.cancelTimer(tlsTimer);
        }
        Future<Void> socketsClosed = sockets == null ? Future.succeededFuture() : sockets.shutdown();
        return server == null ? socketsClosed
                : socketsClosed.compose(v -> server.shutdown(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
