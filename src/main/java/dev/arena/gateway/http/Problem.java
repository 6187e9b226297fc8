package dev.arena.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arena.common.ArenaException.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code type} is a stable URN per
 * kind of problem, so clients can switch on it; {@code errors} lists invalid fields for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem("urn:arena:problem:" + kind, title, status, detail, null, null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }
}
