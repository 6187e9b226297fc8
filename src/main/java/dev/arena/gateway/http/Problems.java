package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.Json;
import dev.arena.common.LogThrottle;
import dev.arena.common.Outages;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP responses: domain errors map to statuses here and only here. */
public final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final LogThrottle UNAVAILABLE_LOG = new LogThrottle(java.time.Duration.ofSeconds(1));

    private Problems() {}

    public static Problem toProblem(Throwable failure) {
        return switch (failure) {
            case HttpProblem p -> p.problem();
            case ArenaException.NotFound e -> Problem.of("not-found", "Not Found", 404, e.getMessage());
            case ArenaException.Conflict e -> Problem.of("conflict", "Conflict", 409, e.getMessage());
            case ArenaException.Invalid e -> Problem.of("validation-failed", "Validation Failed", 422,
                    e.getMessage()).withErrors(e.errors());
            case ArenaException.Unauthorized e -> Problem.of("unauthorized", "Unauthorized", 401, e.getMessage());
            case ArenaException.Forbidden e -> Problem.of("forbidden", "Forbidden", 403, e.getMessage());
            // "busy" is a full inbox: a retry will do, so it is 503 (with Retry-After), not a refusal
            case ArenaException.Rejected e when e.code().equals("busy") ->
                    Problem.of("busy", "Service Unavailable", 503, e.getMessage());
            case ArenaException.Rejected e -> Problem.of(e.code().replace('_', '-'), "Rejected", 403, e.getMessage());
            case ArenaException.RateLimited e -> Problem.of("rate-limited", "Too Many Requests", 429, e.getMessage());
            case ArenaException.Unavailable e -> Problem.of("unavailable", "Service Unavailable", 503, e.getMessage());
            case Throwable e when Outages.isOutage(e) -> Problem.of("unavailable", "Service Unavailable", 503,
                    Outages.ANSWER);
            default -> Problem.of("internal", "Internal Server Error", 500,
                    "an unexpected error occurred; it has been logged");
        };
    }

    /** Vert.x-level failures that carry only a status code (body limit, method not allowed, ...). */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of("bad-request", "Bad Request", 400, "the request could not be read");
            case 401 -> Problem.of("unauthorized", "Unauthorized", 401, "missing or invalid bearer token");
            case 403 -> Problem.of("forbidden", "Forbidden", 403,
                    "the request was refused (from a browser: its origin is not allowed)");
            case 404 -> Problem.of("not-found", "Not Found", 404, "no such route");
            case 405 -> Problem.of("method-not-allowed", "Method Not Allowed", 405,
                    "this route does not accept that method");
            case 413 -> Problem.of("payload-too-large", "Payload Too Large", 413,
                    "the request body exceeds the configured limit");
            case 415 -> Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "send the body as application/json");
            default -> status >= 500
                    ? Problem.of("internal", "Internal Server Error", status, "an unexpected error occurred")
                    : Problem.of("http-" + status, "HTTP " + status, status, null);
        };
    }

    /** Failure handler for the whole router. */
    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode() < 0 ? 500 : ctx.statusCode();
        Problem problem;
        if (failure == null || (isForeign(failure) && status >= 400 && status < 500)) {
            // Vert.x handlers refuse requests with a 4xx status and, at times, an exception of their own (the
            // CORS handler: 403 and a VertxException): the status is what they mean, not an internal error.
            problem = forStatus(status);
        } else {
            problem = toProblem(failure);
        }
        if (problem.status() == 503) {
            // an outage or a full inbox: expected, answered, and seen in /health/ready; no stack trace, and at most
            // one line a second however many requests it refuses
            long held = UNAVAILABLE_LOG.admit();
            if (held >= 0) {
                log.warn("{} {}: {}{}", ctx.request().method(), ctx.request().path(),
                        failure == null ? "unavailable" : failure.toString(), LogThrottle.andMore(held));
            }
            ctx.response().putHeader("Retry-After", "1");
        } else if (problem.status() >= 500) {
            log.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        if (failure instanceof ArenaException.RateLimited r && r.retryAfter() != null) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, r.retryAfter().toSeconds())));
        }
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        send(ctx.response(), problem.at(ctx.request().path()));
    }

    private static boolean isForeign(Throwable failure) {
        return !(failure instanceof ArenaException) && !(failure instanceof HttpProblem);
    }

    public static void send(HttpServerResponse response, Problem problem) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.CONTENT_TYPE)
                .end(Json.encode(problem));
    }
}
