package dev.arena.gateway.http;

import dev.arena.identity.Role;
import dev.arena.results.ResultStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /admin/jobs}: the result jobs still to run and the failing ones, for console staff (viewers and up). */
final class JobsApi {
    static final int SHOWN = 100;
    private final ResultStore results;

    JobsApi(ResultStore results) {
        this.results = results;
    }

    void mount(Router router, Authenticator auth) {
        router.get("/admin/jobs").handler(auth).handler(this::jobs);
    }

    private void jobs(RoutingContext ctx) {
        Handlers.principal(ctx).require(Role.VIEWER);
        Handlers.respond(ctx, 200, results.jobs(SHOWN));
    }
}
