package dev.arena.gateway.http;

import dev.arena.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.Supplier;

/** Operations and documentation: health, Prometheus metrics, the OpenAPI document and Swagger UI. */
final class OpsApi {
    static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/" + swaggerVersion();

    private final Metrics metrics;
    private final Supplier<Future<Void>> readiness;

    OpsApi(Metrics metrics, Supplier<Future<Void>> readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
    }

    void mount(Router router) {
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
        router.get("/health/ready").handler(this::ready);
        // A scrape walks every meter, asks the JVM about its threads and reads the cgroup's CPU files: it held an event
        // loop up to 71 ms, a stall for every socket on that loop at each Prometheus scrape (docs/BENCHMARKS.md, "Newer
        // runs", 14:19). So it runs on a worker, one at a time per event loop (ordered): a flood of scrapes queues
        // there instead of taking the worker pool.
        router.get("/metrics").handler(ctx -> RequestLoop.back(ctx.vertx().executeBlocking(metrics::scrape, true))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                        return;
                    }
                    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                            .end(ar.result());
                }));
        Buffer openapi = resource("api/openapi.json");
        router.get("/openapi.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").end(openapi));
        // Vert.x matches "/docs" for "/docs/" too: redirect only the bare path, or "/docs/" would redirect to itself.
        router.get("/docs").handler(ctx -> {
            if (ctx.request().path().equals("/docs")) {
                ctx.redirect("/docs/");
            } else {
                ctx.next();
            }
        });
        // Our initializer points Swagger UI at /openapi.json; the webjar's own points at a demo petstore.
        Buffer initializer = resource("api/swagger-initializer.js");
        router.get("/docs/swagger-initializer.js").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8").end(initializer));
        router.get("/docs/*").handler(ctx -> {
            // Swagger UI's HTML gets the pages' security headers; its React styles elements, hence inline styles
            ctx.addHeadersEndHandler(v -> {
                String type = ctx.response().headers().get("Content-Type");
                if (type != null && type.startsWith("text/html")) {
                    WebPages.securityHeaders(ctx.response());
                    ctx.response().putHeader("Content-Security-Policy", WebPages.CONTENT_SECURITY_POLICY
                            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
                }
            });
            ctx.next();
        });
        router.get("/docs/*").handler(StaticHandler.create(SWAGGER_UI).setIndexPage("index.html"));
    }

    private void ready(RoutingContext ctx) {
        RequestLoop.back(readiness.get()).onComplete(ar -> {
            if (ar.succeeded()) {
                json(ctx, 200, new JsonObject().put("status", "ready").put("database", "up"));
            } else {
                Problems.send(ctx.response(), Problem.of("not-ready", "Not Ready", 503,
                        "readiness check failed (database, Redis on a cluster, or the start-up warm-up): " + ar.cause().getMessage()).at(ctx.request().path()));
            }
        });
    }

    static Buffer resource(String path) {
        try (var in = OpsApi.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** The webjar version, read from its pom.properties so a dependency bump needs no code change. */
    private static String swaggerVersion() {
        var props = new java.util.Properties();
        try (var in = OpsApi.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (java.io.IOException ignored) {
            // fall through to the error below
        }
        String v = props.getProperty("version");
        if (v == null) {
            throw new IllegalStateException("swagger-ui webjar is missing from the classpath");
        }
        return v;
    }
}
