package dev.arena.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The browser side of Arena, served from the jar: the pages ({@code /}, {@code /dashboard}, {@code /admin},
 * {@code /play}), their ES modules and styles ({@code /assets/}), the JavaScript SDK ({@code /sdk/}) and the
 * libraries they use, taken from WebJars ({@code /vendor/uplot/}, {@code /vendor/preact/}). No CDN, no build step.
 *
 * <p>Caching: every file carries a strong ETag (a hash of its bytes) and {@code Cache-Control: no-cache}, so a
 * browser revalidates each time (a 304 costs a few bytes) and an upgraded server is never answered from a stale
 * cache, whatever the file's name. Files are read from the class path once, on a worker, then kept in memory.
 *
 * <p>Security: HTML gets a strict Content-Security-Policy (only this origin; no inline script or style, so markup
 * injected through a player's name cannot run), no framing, no referrer, no MIME sniffing.
 */
final class WebPages {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
            "frame-ancestors 'none'", "form-action 'self'");
    private static final Map<String, String> PAGES = Map.of(
            "/", "web/index.html",
            "/dashboard", "web/dashboard.html",
            "/admin", "web/admin.html",
            "/play", "web/play.html");
    /** Relative paths below a mount: plain names, no "..", no hidden files. */
    private static final Pattern SAFE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final Vertx vertx;
    private final Map<String, String> mounts;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    private record Asset(Buffer body, String etag, String contentType) {}

    WebPages(Vertx vertx) {
        this.vertx = vertx;
        this.mounts = Map.of(
                "/assets/", "web/assets/",
                "/sdk/", "web/sdk/",
                "/vendor/uplot/", "META-INF/resources/webjars/uplot/" + version("org.webjars.npm", "uplot") + "/dist/",
                "/vendor/preact/", "META-INF/resources/_static/htm/" + version("org.mvnpm", "htm") + "/preact/");
    }

    void mount(Router router) {
        PAGES.forEach((path, resource) -> router.get(path).handler(ctx -> {
            // Vert.x matches "/play/" for "/play": only the exact path is a page
            if (!ctx.request().path().equals(path)) {
                ctx.next();
                return;
            }
            serve(ctx, resource);
        }));
        mounts.forEach((prefix, base) -> router.get(prefix + "*").handler(ctx -> {
            String rest = ctx.request().path().substring(prefix.length());
            if (!SAFE.matcher(rest).matches()) {
                ctx.next(); // a 404 problem, whatever was tried
                return;
            }
            serve(ctx, base + rest);
        }));
    }

    private void serve(RoutingContext ctx, String resource) {
        Asset cached = cache.get(resource);
        if (cached != null) {
            send(ctx, cached);
            return;
        }
        // the first read touches the jar: never on the event loop
        RequestLoop.back(vertx.executeBlocking(() -> load(resource), false)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                ctx.next();
            } else {
                Asset a = ar.result().get();
                cache.putIfAbsent(resource, a);
                send(ctx, a);
            }
        });
    }

    private static void send(RoutingContext ctx, Asset a) {
        HttpServerResponse r = ctx.response();
        r.putHeader("ETag", a.etag())
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (a.contentType().startsWith("text/html")) {
            securityHeaders(r);
        }
        if (a.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            r.setStatusCode(304).end();
            return;
        }
        r.putHeader("Content-Type", a.contentType()).end(a.body());
    }

    /** Headers every HTML page of the server carries (Swagger UI's too). */
    static void securityHeaders(HttpServerResponse r) {
        r.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    private static Optional<Asset> load(String resource) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12)
                    + "\"";
            return Optional.of(new Asset(Buffer.buffer(bytes), etag, contentType(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "ts" -> "text/plain; charset=utf-8"; // arena.d.ts: read by people and editors, never run
            case "json", "map" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }

    /** The version of a WebJar on the class path, from the pom.properties Maven packs into every jar. */
    private static String version(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(group + ":" + artifact + " is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
