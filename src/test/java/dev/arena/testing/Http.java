package dev.arena.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small blocking HTTP/1.1 client for tests: one call, one {@link Response}. */
public final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    public Http(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, null, body, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, token, body, Map.of());
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, token, body, Map.of());
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, token, body, Map.of());
    }

    /**
     * Any request. {@code body} is sent as its {@code toString()} (a JsonObject encodes itself; a String is
     * sent verbatim, so malformed JSON can be sent too); null sends no body. {@code token}, when not null,
     * becomes {@code Authorization: Bearer <token>}.
     */
    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
