package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.common.Json;
import dev.arena.common.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a JSON object body and its fields, collecting every bad field before failing, so a client
 * learns all its mistakes from one response. Wrong JSON types are reported per field, never coerced.
 */
public final class RequestBody {
    private final JsonObject json;
    private final List<FieldError> errors = new ArrayList<>();

    /** PostgreSQL cannot store it; see {@link JsonText}. */
    public static final String NUL_REFUSED = JsonText.NUL;

    private RequestBody(JsonObject json) {
        this.json = json;
    }

    /** The body as a JSON object; an empty body counts as {@code {}}. */
    public static RequestBody of(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return new RequestBody(new JsonObject());
        }
        Object value;
        try {
            value = Json.parse(body);
        } catch (Json.Unreadable e) {
            throw e.limit() ? HttpProblem.malformedJson("the body is refused: " + e.getMessage())
                    : HttpProblem.malformedJson("the body is not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject obj)) {
            throw HttpProblem.malformedJson("the body must be a JSON object");
        }
        var flaw = JsonText.unstorable(obj);
        if (flaw.isPresent()) {
            throw new ArenaException.Invalid(flaw.get().path(), flaw.get().reason());
        }
        return new RequestBody(obj);
    }

    public JsonObject json() {
        return json;
    }

    /** A required string of bounded length, optionally matching a pattern (whose meaning is {@code rule}). */
    public String string(String field, int min, int max, Pattern pattern, String rule) {
        Optional<String> v = optionalString(field, min, max, pattern, rule);
        if (v.isEmpty() && !json.containsKey(field)) {
            errors.add(new FieldError(field, "is required"));
        }
        return v.orElse(null);
    }

    public Optional<String> optionalString(String field, int min, int max, Pattern pattern, String rule) {
        Object v = json.getValue(field);
        if (v == null) {
            if (json.containsKey(field)) {
                errors.add(new FieldError(field, "must not be null"));
            }
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            errors.add(new FieldError(field, "must be a string"));
            return Optional.empty();
        }
        int len = s.codePointCount(0, s.length());
        if (len < min || len > max) {
            errors.add(new FieldError(field, min == max ? "must be " + min + " characters"
                    : "must be between " + min + " and " + max + " characters"));
            return Optional.empty();
        }
        if (pattern != null && !pattern.matcher(s).matches()) {
            errors.add(new FieldError(field, rule));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Fields not in {@code allowed} are errors: a typo in a field name must not be silently ignored. */
    public RequestBody only(String... allowed) {
        List<String> ok = List.of(allowed);
        for (String name : json.fieldNames()) {
            if (!ok.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        return this;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Fails with every collected field error, if any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
    }
}
