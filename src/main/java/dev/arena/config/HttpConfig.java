package dev.arena.config;

import dev.arena.common.NetTransport;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP/WebSocket server.
 *
 * @param corsOrigins     allowed origins ({@code *} for any); empty = no CORS headers
 * @param instances       event loops, each with one HTTP server instance and one room shard (0 in the
 *                        configuration means one per core; resolved here)
 * @param shutdownTimeout how long in-flight requests may finish after SIGTERM
 * @param transport       the network transport (io_uring, epoll, NIO), chosen at start
 * @param dashboardPublic the live dashboard is readable without signing in
 */
public record HttpConfig(String host, int port, List<String> corsOrigins, long bodyLimitBytes, int instances,
                         Duration shutdownTimeout, NetTransport transport, boolean dashboardPublic) {

    public HttpConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, corsOrigins, bodyLimitBytes, instances, shutdownTimeout, transport,
                dashboardPublic);
    }
}
