package dev.arena.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, for per-address limits (login throttling, guest sign-ups). Behind one trusted
 * reverse proxy ({@code ARENA_TRUST_PROXY=true}) that is the last {@code X-Forwarded-For} entry: the one the proxy
 * appended itself. Earlier entries are whatever the client wrote and are never believed. Without the setting the
 * header is ignored, since anyone can send it.
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(HttpServerRequest request, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
