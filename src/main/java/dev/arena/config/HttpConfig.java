package dev.arena.config;

import dev.arena.common.NetTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP/WebSocket server.
 *
 * @param corsOrigins     allowed origins ({@code *} for any); empty = no CORS headers
 * @param instances       event loops, each with one HTTP server instance and one room shard (0 in the
 *                        configuration means one per core; resolved here)
 * @param shutdownTimeout how long in-flight requests may finish after SIGTERM
 * @param transport       the network transport (io_uring, epoll, NIO), chosen at start
 * @param dashboardPublic the live dashboard is readable without signing in
 * @param tlsCert         PEM certificate chain to serve HTTPS and WSS with (together with {@code tlsKey})
 * @param trustProxy      the server sits behind one reverse proxy, whose X-Forwarded-For names the client
 * @param idleTimeout     a connection that neither sends nor receives for this long is closed
 * @param headerTimeout   a connection whose next request head is not complete this long after it opened (or after
 *                        its last response) is closed, however slowly bytes keep arriving
 * @param guestLimit      guest accounts one client address may create per window (0 = no limit)
 */
public record HttpConfig(String host, int port, List<String> corsOrigins, long bodyLimitBytes, int instances,
                         Duration shutdownTimeout, NetTransport transport, boolean dashboardPublic,
                         Optional<Path> tlsCert, Optional<Path> tlsKey, boolean trustProxy, Duration idleTimeout,
                         Duration headerTimeout, GuestLimit guestLimit) {

    /** At most {@code accounts} new guest accounts per client address per {@code window}; 0 lifts the limit. */
    public record GuestLimit(int accounts, Duration window) {
        public boolean lifted() {
            return accounts == 0;
        }
    }

    public HttpConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, corsOrigins, bodyLimitBytes, instances, shutdownTimeout, transport,
                dashboardPublic, tlsCert, tlsKey, trustProxy, idleTimeout, headerTimeout,
                guestLimit);
    }
}
