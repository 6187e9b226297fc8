package dev.arena.gateway.http;

import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.common.Json;
import dev.arena.identity.Principal;
import dev.arena.logs.IngestOutcome;
import dev.arena.logs.IngestRequest;
import dev.arena.logs.LogIngest;
import dev.arena.logs.LogExport;
import dev.arena.logs.LogJob;
import dev.arena.logs.Logs;
import java.time.Clock;
import dev.arena.logs.LogQueries;
import dev.arena.logs.UploadPipe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /logs}: the streaming ingest and its jobs (docs/LOGS.md). The ingest route is mounted before the router's
 * body handler (see {@link ApiRouter}): its body is never buffered, but read as it arrives by an ingest thread
 * through an {@link UploadPipe}, which pauses the request while the writer is behind.
 */
final class LogsApi {
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /** A refused upload's body is read and dropped up to this much, then the connection is closed. */
    static final long DISCARD_LIMIT = 16L << 20;

    private final LogIngest ingest;
    private final LogQueries queries;
    private final LogExport export;
    private final Clock clock;
    private final dev.arena.logs.LogImports imports;

    /** Set on a request once it has been answered "100 Continue". */
    private static final String CONTINUED = "arena.logs.continued";

    LogsApi(Logs logs) {
        this.imports = logs.imports();
        this.ingest = logs.ingest();
        this.queries = logs.queries();
        this.export = logs.export();
        this.clock = logs.clock();
    }

    /** The streaming route: before the body handler. */
    void mountStreaming(Router router, Authenticator auth) {
        router.post("/logs/ingest").handler(ctx -> {
            // paused before anything asynchronous (authentication): no byte may arrive before its reader
            HttpServerRequest request = ctx.request();
            request.pause();
            ctx.addHeadersEndHandler(v -> {
                if (answeredBeforeContinue(ctx)) {
                    // answered before the body was asked for (a refusal, a conflict, a replay, an error): the client
                    // sends none, or all of it, so the connection cannot carry a next request; it says so
                    ctx.response().putHeader("Connection", "close");
                }
            });
            ctx.addEndHandler(v -> {
                dropRest(request);
                if (answeredBeforeContinue(ctx)) {
                    // closed once a body sent anyway has been read (dropRest), or after a while: closing with
                    // unread bytes would reset the connection, and the client could lose the answer
                    request.endHandler(x -> request.connection().close());
                    ctx.vertx().setTimer(2_000, t -> request.connection().close());
                }
            });
            ctx.next();
        }).handler(auth).handler(this::ingest);
    }

    void mount(Router router, Authenticator auth) {
        router.get("/logs/jobs").handler(auth).handler(this::jobs);
        router.get("/logs/jobs/:id").handler(auth).handler(this::job);
        router.get("/logs/export").handler(auth).handler(this::export);
        router.post("/logs/import").handler(auth).handler(this::importFile);
    }

    /** Admins only: the file is on the server, so the request names a path. */
    private void importFile(RoutingContext ctx) {
        Handlers.principal(ctx).require(dev.arena.identity.Role.ADMIN);
        RequestBody body = RequestBody.of(ctx).only("path");
        String path = body.string("path", 1, 1024, null, null);
        body.validate();
        if (imports == null) {
            throw new ArenaException.Invalid("path", "server-side import is off (ARENA_LOG_IMPORT_DIR is unset)");
        }
        String key = imports.schedule(path);
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("idempotency_key", key).put("status", "scheduled").encode());
    }

    /** NDJSON (gzip when accepted) streamed from a cursor; an error after the first byte can only cut it. */
    private void export(RoutingContext ctx) {
        requireLogs(Handlers.principal(ctx));
        List<FieldError> errors = new ArrayList<>();
        java.time.Instant from = AnalyticsApi.instantQuery(ctx, "from", errors);
        java.time.Instant to = AnalyticsApi.instantQuery(ctx, "to", errors);
        String mode = ctx.queryParams().get("mode");
        if (mode != null && (mode.isEmpty() || mode.codePointCount(0, mode.length()) > 32)) {
            errors.add(new FieldError("mode", "must be 1-32 characters"));
        }
        String game = ctx.queryParams().get("game_id");
        if (game != null && (game.isEmpty() || game.codePointCount(0, game.length()) > 64)) {
            errors.add(new FieldError("game_id", "must be 1-64 characters"));
        }
        String source = ctx.queryParams().get("source");
        if (source != null && !source.equals("logs") && !source.equals("arena")) {
            errors.add(new FieldError("source", "must be logs or arena"));
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        var query = new LogExport.Query(from == null ? java.time.Instant.EPOCH : from,
                to == null ? clock.instant() : to, mode, game, "arena".equals(source));
        String accept = ctx.request().getHeader("Accept-Encoding");
        boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
        var response = ctx.response().setChunked(true).putHeader("Content-Type", "application/x-ndjson");
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip");
        }
        RequestLoop.back(export.export(query, response, gzip)).onComplete(ar -> {
            if (ar.succeeded()) {
                response.end();
            } else if (!response.headWritten()) {
                response.setChunked(false).headers().remove("Content-Encoding");
                ctx.fail(ar.cause());
            } else {
                response.reset(); // the client sees a broken stream, not a complete-looking file
            }
        });
    }

    static void requireLogs(Principal p) {
        if (!p.role().mayIngestLogs()) {
            throw new ArenaException.Forbidden("requires the admin or ingest role");
        }
    }

    private void ingest(RoutingContext ctx) {
        requireLogs(Handlers.principal(ctx));
        HttpServerRequest req = ctx.request();
        String type = req.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-ndjson")) {
            throw new HttpProblem(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "send the log as application/x-ndjson"));
        }
        String encoding = req.getHeader("Content-Encoding");
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new HttpProblem(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "Content-Encoding may be gzip or identity"));
        }
        List<FieldError> errors = new ArrayList<>();
        String key = req.getHeader("Idempotency-Key");
        if (key != null && !KEY.matcher(key).matches()) {
            errors.add(new FieldError("Idempotency-Key", "must be 1-200 printable ASCII characters"));
        }
        UUID jobId = uuidQuery(ctx, "job_id", errors);
        Long offset = Handlers.wholeParam(ctx, "offset", errors);
        boolean raw = boolQuery(ctx, "raw", true, errors);
        if (offset != null && offset > 0 && jobId == null && key == null) {
            errors.add(new FieldError("offset", "a resume names its job: job_id or Idempotency-Key"));
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        long from = offset == null ? 0 : offset;
        String length = req.getHeader("Content-Length");
        Long total = gzip || length == null ? null : from + Long.parseLong(length.strip());
        UploadPipe pipe = new UploadPipe(req, ctx.vertx().getOrCreateContext());
        var request = new IngestRequest(jobId, key, from, raw, gzip, total, Handlers.principal(ctx).playerId(),
                "upload");
        // the ingest runs on its own pool and completes there: the answer is written back on the request's loop
        RequestLoop.back(ingest.ingest(request, new LogIngest.Source() {
            @Override
            public InputStream open(long at) {
                // with "Expect: 100-continue" the client sends the body only once it is let in: an upload refused
                // for a free slot (503) costs a request's headers, not the megabytes sent before the answer arrives
                pipe.start(() -> {
                    if (expectsContinue(req)) {
                        ctx.put(CONTINUED, true);
                        req.response().writeContinue();
                    }
                });
                return pipe;
            }

            @Override
            public void discard() {
                // dropRest, when the answer is sent
            }

            @Override
            public void abort(String why) {
                pipe.fail(new IOException(why));
            }
        })).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            switch (ar.result()) {
                case IngestOutcome.Completed c -> {
                    if (c.replayed()) {
                        ctx.response().putHeader("Idempotent-Replayed", "true");
                    }
                    send(ctx, c.replayed() ? 200 : 201, c.job());
                }
                case IngestOutcome.Refused r -> refuse(ctx, 409, "conflict", "Conflict", r.why(), r.job());
                case IngestOutcome.Interrupted i -> refuse(ctx, 503, "interrupted", "Service Unavailable",
                        "the upload stopped (" + i.why() + "); resume from committed_offset", i.job());
            }
        });
        // the pipe also hears when the client goes away mid-body
        ctx.response().closeHandler(v -> pipe.fail(new IOException("connection closed by the client")));
    }

    /** A problem that also says where the job can be resumed. */
    private static void refuse(RoutingContext ctx, int status, String kind, String title, String detail, LogJob job) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        JsonObject body = new JsonObject().put("type", "urn:arena:problem:" + kind).put("title", title)
                .put("status", status).put("detail", detail).put("instance", ctx.request().path())
                .put("job_id", job.jobId().toString()).put("committed_offset", job.bytes()).put("job_status", job.status());
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.CONTENT_TYPE).end(body.encode());
    }

    private static void send(RoutingContext ctx, int status, Object body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Json.encode(body));
        }
    }

    /** The client asked first ("Expect: 100-continue") and was answered without being let in. */
    private static boolean answeredBeforeContinue(RoutingContext ctx) {
        return expectsContinue(ctx.request()) && ctx.get(CONTINUED) == null;
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        String expect = request.getHeader("Expect");
        return expect != null && expect.strip().equalsIgnoreCase("100-continue");
    }

    /** What is left of a body nobody reads is dropped as it comes, up to a limit, then the connection closes. */
    private static void dropRest(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        long[] dropped = {0};
        request.handler(b -> {
            dropped[0] += b.length();
            if (dropped[0] > DISCARD_LIMIT) {
                request.connection().close();
            }
        });
        request.endHandler(null);
        request.exceptionHandler(null);
        request.resume();
    }

    private void jobs(RoutingContext ctx) {
        requireLogs(Handlers.principal(ctx));
        List<FieldError> errors = new ArrayList<>();
        Long limit = Handlers.wholeParam(ctx, "limit", errors);
        if (limit != null && (limit < 1 || limit > 100)) {
            errors.add(new FieldError("limit", "must be between 1 and 100"));
        }
        String key = ctx.queryParams().get("idempotency_key");
        if (key != null && !KEY.matcher(key).matches()) {
            errors.add(new FieldError("idempotency_key", "must be 1-200 printable ASCII characters"));
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        Handlers.respond(ctx, 200, queries.jobs(key, limit == null ? 20 : limit.intValue())
                .map(jobs -> java.util.Map.of("jobs", jobs)));
    }

    private void job(RoutingContext ctx) {
        requireLogs(Handlers.principal(ctx));
        UUID id = Handlers.uuidParam(ctx, "id");
        Handlers.respond(ctx, 200, queries.job(id).map(j -> j.orElseThrow(
                () -> new ArenaException.NotFound("no log job " + id))));
    }

    static UUID uuidQuery(RoutingContext ctx, String name, List<FieldError> errors) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return null;
        }
        try {
            if (values.size() == 1 && values.getFirst().length() == 36) {
                return UUID.fromString(values.getFirst());
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a UUID"));
        return null;
    }

    static boolean boolQuery(RoutingContext ctx, String name, boolean def, List<FieldError> errors) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return def;
        }
        if (values.size() == 1 && (values.getFirst().equals("true") || values.getFirst().equals("false"))) {
            return values.getFirst().equals("true");
        }
        errors.add(new FieldError(name, "must be true or false"));
        return def;
    }
}
