package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.logs.LogQueries;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /analytics}: what the ingested game logs add up to, read from rollup tables only (docs/LOGS.md). Any
 * signed-in account may read them: they are the studio's own dashboards' source.
 */
final class AnalyticsApi {
    static final int MAX_LIMIT = 100;
    static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);
    static final Duration MAX_DAILY_RANGE = Duration.ofDays(3660);
    static final Map<String, Duration> PERIODS = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));
    private static final Pattern ID = Pattern.compile(".{1,64}");
    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,32}");

    private final LogQueries queries;
    private final Clock clock;

    AnalyticsApi(LogQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    void mount(Router router, Authenticator auth) {
        router.get("/analytics/players/:player_id").handler(auth).handler(this::player);
        router.get("/analytics/modes").handler(auth).handler(this::modes);
        router.get("/analytics/top").handler(auth).handler(this::top);
        router.get("/analytics/games/:game_id").handler(auth).handler(this::game);
    }

    private void player(RoutingContext ctx) {
        String id = pathId(ctx, "player_id");
        json(ctx, queries.player(id).map(p -> p.orElseThrow(
                () -> new ArenaException.NotFound("no events of player " + id))));
    }

    private void game(RoutingContext ctx) {
        String id = pathId(ctx, "game_id");
        json(ctx, queries.game(id).map(g -> g.orElseThrow(
                () -> new ArenaException.NotFound("no events of game " + id))));
    }

    private void modes(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        Instant to = instantQuery(ctx, "to", errors);
        Instant from = instantQuery(ctx, "from", errors);
        String bucket = ctx.queryParams().get("bucket");
        if (bucket == null) {
            bucket = "hour";
        } else if (!bucket.equals("hour") && !bucket.equals("day")) {
            errors.add(new FieldError("bucket", "must be hour or day"));
        }
        if (errors.isEmpty()) {
            to = to == null ? clock.instant() : to;
            from = from == null ? to.minus(Duration.ofDays(1)) : from;
            Duration max = bucket.equals("hour") ? MAX_HOURLY_RANGE : MAX_DAILY_RANGE;
            if (!from.isBefore(to)) {
                errors.add(new FieldError("from", "must be before to"));
            } else if (Duration.between(from, to).compareTo(max) > 0) {
                errors.add(new FieldError("from", "the range may span at most " + max.toDays() + " days with bucket="
                        + bucket));
            }
        }
        check(errors);
        json(ctx, queries.modes(from, to, bucket));
    }

    private void top(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        String type = ctx.queryParams().get("type");
        if (type == null || !TYPE.matcher(type).matches()) {
            errors.add(new FieldError("type", "must be 1-32 characters of a-z and _"));
        }
        String period = ctx.queryParams().get("period");
        period = period == null ? "24h" : period;
        if (!period.equals("all") && !PERIODS.containsKey(period)) {
            errors.add(new FieldError("period", "must be one of 1h, 24h, 7d, 30d, all"));
        }
        Long limit = Handlers.wholeParam(ctx, "limit", errors);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        check(errors);
        Instant since = period.equals("all") ? null : clock.instant().minus(PERIODS.get(period));
        json(ctx, queries.top(type, since, limit == null ? 10 : limit.intValue()));
    }

    /** Vert.x JSON as it encodes itself (the wire mapper would see a JsonObject as a bean). */
    private static void json(RoutingContext ctx, io.vertx.core.Future<io.vertx.core.json.JsonObject> result) {
        RequestLoop.back(result).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (!ctx.response().ended()) {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(ar.result().encode());
            }
        });
    }

    private static String pathId(RoutingContext ctx, String name) {
        String id = ctx.pathParam(name);
        if (id == null || !ID.matcher(id).matches() || id.codePointCount(0, id.length()) > 64) {
            throw new ArenaException.Invalid(name, "must be 1-64 characters");
        }
        return id;
    }

    static Instant instantQuery(RoutingContext ctx, String name, List<FieldError> errors) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return null;
        }
        try {
            if (values.size() == 1) {
                return java.time.OffsetDateTime.parse(values.getFirst()).toInstant();
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an ISO-8601 timestamp with an offset or Z"));
        return null;
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
    }
}
