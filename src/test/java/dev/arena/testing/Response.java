package dev.arena.testing;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** Status, headers and body of one HTTP response; {@link #json()} parses the body as a JSON object. */
public record Response(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try {
            return new JsonObject(body);
        } catch (RuntimeException e) {
            throw new AssertionError("expected a JSON object body but got (" + status + "): " + body, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type without parameters, e.g. {@code application/problem+json}. */
    public String contentType() {
        return header("Content-Type").map(v -> v.split(";")[0].strip()).orElse("");
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + body;
    }
}
