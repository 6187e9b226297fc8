package dev.arena.testing;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * One real Redis server (6.2, from the embedded-redis jar) per test JVM, on 127.0.0.1 and a free port, started on
 * first use and stopped when the JVM exits. Tests share it: they keep apart by unique room, board and node names
 * rather than flushing, so test classes may run one after another without restarting it.
 */
public final class TestRedis {
    private static RedisServer server;
    private static int port;

    private TestRedis() {}

    /** The server's URL, starting it on first use. */
    public static synchronized String url() {
        if (server == null) {
            try {
                port = freePort();
                server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded Redis", e);
            }
            RedisServer s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return "redis://127.0.0.1:" + port;
    }

    /** A pooled client of the test server (close it with the Vert.x instance). */
    public static Redis client(Vertx vertx) {
        return Redis.createClient(vertx, new RedisOptions().setConnectionString(url()).setMaxPoolSize(8)
                .setMaxPoolWaiting(1024));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
