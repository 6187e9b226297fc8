package dev.arena.gateway.http;

import dev.arena.common.ArenaException.FieldError;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading query parameters the one way every listing route does: unknown names, repeated names and bad values are
 * collected as {@link FieldError}s so that one 422 reports all of them.
 */
final class QueryParams {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private QueryParams() {}

    /** An error for each parameter that is not one of {@code known}. */
    static void onlyKnown(RoutingContext ctx, Set<String> known, List<FieldError> errors) {
        for (String name : ctx.queryParams().names()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a known parameter; one of " + known));
            }
        }
    }

    /** The parameter's one value, null when absent; an error when given more than once. */
    static String one(RoutingContext ctx, String name, List<FieldError> errors) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
            return null;
        }
        return values.getFirst();
    }

    /** A whole number in {@code [min, max]}, {@code fallback} when absent (and, with an error, when bad). */
    static int whole(RoutingContext ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
        String v = one(ctx, name, errors);
        if (v == null) {
            return fallback;
        }
        if (!DIGITS.matcher(v).matches() || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            errors.add(new FieldError(name, "must be a whole number between " + min + " and " + max));
            return fallback;
        }
        return Integer.parseInt(v);
    }
}
