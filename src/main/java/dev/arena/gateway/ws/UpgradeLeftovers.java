package dev.arena.gateway.ws;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of what Vert.x keeps of the HTTP upgrade request for as long as the WebSocket is open.
 *
 * <p>Why: the handler Vert.x puts in the pipeline for the WebSocket keeps the function that created its connection,
 * a lambda holding the handshake, and through it the upgrade request (its headers, parameters and four copies of the
 * URI), its response, Vert.x Web's routing context and the HTTP connection the socket was upgraded from: about 3 KB
 * per idle socket, and the session token among them (the {@code ?token=} query, or an {@code Authorization}
 * header), readable in a heap dump for the socket's whole life. The WebSocket itself keeps the request's headers,
 * URI and query. Nothing reads any of it after the upgrade: Arena takes the token before, and the function runs once,
 * when the handler is added.
 *
 * <p>So, right after the upgrade (on the event loop), this clears the handler's function, and leaves the WebSocket
 * an empty read-only {@code headers()}, its {@code uri()} without the query and no {@code query()}. Like
 * {@link DirectWrites} it sets final fields of Vert.x classes; when one is missing or cannot be set it leaves that
 * one alone (the socket works as before and keeps those bytes).
 */
final class UpgradeLeftovers {
    private static final Logger log = LoggerFactory.getLogger(UpgradeLeftovers.class);
    private static final MultiMap NO_HEADERS = HeadersMultiMap.httpHeaders().copy(false);
    /** Null when this Vert.x does not have the fields; then {@link #drop} does nothing. */
    private static final Reach REACH = Reach.find();

    private UpgradeLeftovers() {}

    private record Reach(Field factory, Field webSocket, Field headers, Field uri, Field query, Field path) {
        static Reach find() {
            try {
                Field factory = VertxHandler.class.getDeclaredField("connectionFactory");
                Field webSocket = Class.forName(SocketSink.WEBSOCKET_CONNECTION).getDeclaredField("webSocket");
                Class<?> server = Class.forName("io.vertx.core.http.impl.ServerWebSocketImpl");
                Field headers = server.getSuperclass().getDeclaredField("headers");
                Field uri = server.getDeclaredField("uri");
                Field query = server.getDeclaredField("query");
                Field path = server.getDeclaredField("path");
                if (headers.getType() != MultiMap.class || uri.getType() != String.class
                        || query.getType() != String.class || path.getType() != String.class) {
                    throw new NoSuchFieldException("ServerWebSocketImpl's fields changed");
                }
                for (Field f : new Field[] {factory, webSocket, headers, uri, query, path}) {
                    f.setAccessible(true);
                }
                return new Reach(factory, webSocket, headers, uri, query, path);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.info("WebSockets keep their upgrade request (about 3 KB each): {}", e.toString());
                return null;
            }
        }
    }

    /**
     * Drops the upgrade's leftovers of the WebSocket that {@code upgraded} was upgraded to. Call it on the
     * connection's event loop, once the upgrade completed. True when everything was dropped.
     */
    static boolean drop(HttpConnection upgraded) {
        if (REACH == null || !(upgraded instanceof ConnectionBase base) || !base.channel().eventLoop().inEventLoop()) {
            return false;
        }
        VertxHandler<?> vertx = SocketSink.webSocketHandler(base.channel().pipeline());
        if (vertx == null) {
            return false; // not upgraded (yet): the function has not run
        }
        try {
            REACH.factory.set(vertx, null);
            Object ws = REACH.webSocket.get(vertx.getConnection());
            if (ws == null || ws.getClass() != REACH.uri.getDeclaringClass()) {
                return false;
            }
            synchronized (ws) { // the WebSocket reads its headers under its own lock
                REACH.headers.set(ws, NO_HEADERS);
                REACH.uri.set(ws, REACH.path.get(ws));
                REACH.query.set(ws, null);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("left part of the upgrade request in place: {}", e.toString());
            return false;
        }
    }
}
