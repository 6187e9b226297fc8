package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.identity.IdentityService;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires {@code Authorization: Bearer <token>} and puts the principal into the routing context; on the public reads
 * ({@link PublicReads}) a request without a token goes on as a visitor.
 */
public final class Authenticator implements Handler<RoutingContext> {
    private final IdentityService identity;

    Authenticator(IdentityService identity) {
        this.identity = identity;
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. Shared with the socket upgrade. */
    public static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = bearer(ctx.request().getHeader("Authorization"));
        if (token == null && PublicReads.allows(ctx)) {
            ctx.next(); // a visitor: no principal
            return;
        }
        if (token == null) {
            ctx.fail(new ArenaException.Unauthorized("missing bearer token"));
            return;
        }
        // the next handlers run where this continues: on the request's loop, whatever thread checked the token
        RequestLoop.back(identity.authenticate(token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.put(Handlers.PRINCIPAL, ar.result());
                ctx.next();
            }
        });
    }
}
