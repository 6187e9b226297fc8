package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.Json;
import dev.arena.identity.Principal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Small helpers every API class uses to answer: JSON out, failures into the router's problem handler; both on the
 * request's event loop ({@link RequestLoop}).
 */
final class Handlers {
    static final String PRINCIPAL = "arena.principal";

    private Handlers() {}

    static <T> void respond(RoutingContext ctx, int status, Future<T> result) {
        RequestLoop.back(result).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (!ctx.response().ended()) {
                io.vertx.core.buffer.Buffer json;
                try {
                    json = Json.encode(ar.result());
                } catch (RuntimeException e) {
                    // thrown out of this callback it would be lost and the request never answered: a logged 500
                    ctx.fail(e);
                    return;
                }
                ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
            }
        });
    }

    static void noContent(RoutingContext ctx, Future<?> result) {
        RequestLoop.back(result).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }

    /** A path parameter that must be a UUID; anything else is a validation error naming the parameter. */
    static UUID uuidParam(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ArenaException.Invalid(name, "must be a UUID");
    }

    static Principal principal(RoutingContext ctx) {
        Principal p = ctx.get(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route is missing the authentication handler");
        }
        return p;
    }

    /** The caller on a public read ({@link PublicReads}): empty for a visitor, who sent no token. */
    static java.util.Optional<Principal> visitor(RoutingContext ctx) {
        return java.util.Optional.ofNullable(ctx.get(PRINCIPAL));
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,18}");

    /** A non-negative whole query parameter, or null when absent; a malformed or repeated one is added to errors. */
    static Long wholeParam(RoutingContext ctx, String name, java.util.List<ArenaException.FieldError> errors) {
        java.util.List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || !DIGITS.matcher(values.getFirst()).matches()) {
            errors.add(new ArenaException.FieldError(name, "must be a whole number"));
            return null;
        }
        return Long.parseLong(values.getFirst());
    }
}
