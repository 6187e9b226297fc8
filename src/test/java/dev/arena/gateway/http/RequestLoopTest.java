package dev.arena.gateway.http;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.ConfigLoader;
import dev.arena.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server runs in Vert.x's strict thread mode (no per-connection write queue, 4.7 KB less per WebSocket): a
 * response written off its connection's event loop throws and the request is never answered, so every handler that
 * waits takes the outcome back through {@link RequestLoop}. Here the outcome always arrives on another thread.
 */
class RequestLoopTest {
    private Vertx vertx;
    private HttpServer server;
    private HttpClientAgent client;
    private final CopyOnWriteArrayList<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.exceptionHandler(uncaught::add);
        Router router = Router.router(vertx);
        router.get("/back").handler(ctx -> Handlers.respond(ctx, 200, elsewhere("fine")));
        router.get("/raw").handler(ctx -> {
            // the listener is attached before the other thread starts, so it always runs there (attached after a
            // completion, it would run here, on the loop, and the write would succeed: the test was flaky so)
            Promise<String> p = Promise.promise();
            p.future().onComplete(ar -> ctx.response().end(ar.result()));
            Thread.ofPlatform().start(() -> {
                try {
                    p.complete("lost");
                } catch (RuntimeException e) {
                    uncaught.add(e);
                }
            });
        });
        router.get("/failed").handler(ctx -> Handlers.respond(ctx, 200, elsewhere(null)));
        // complete before the handler waits, but bound to a worker context: its listeners run on that context
        ContextInternal worker = ((VertxInternal) vertx).createWorkerContext();
        router.get("/done").handler(ctx -> Handlers.respond(ctx, 200, worker.succeededFuture("already")));
        router.route().failureHandler(Problems::handle);
        var options = HttpVerticle.options(ConfigLoader.load(Map.of(), Map.of()).http());
        server = await(vertx.createHttpServer(options).requestHandler(router).listen(0, "127.0.0.1"));
        client = vertx.createHttpClient(new HttpClientOptions());
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    /** Completed on a thread of its own, never the request's event loop (null: failed). */
    private Future<String> elsewhere(String value) {
        Promise<String> p = Promise.promise();
        Thread.ofPlatform().start(() -> {
            try {
                if (value == null) {
                    p.fail(new dev.arena.common.ArenaException.NotFound("nothing here"));
                } else {
                    p.complete(value); // the listeners run here, on this thread
                }
            } catch (RuntimeException e) {
                uncaught.add(e);
            }
        });
        return p.future();
    }

    private Future<Integer> get(String path) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(server.actualPort())
                        .setHost("127.0.0.1").setURI(path).setIdleTimeout(10_000))
                .compose(req -> req.send()).compose(res -> res.body().map(b -> res.statusCode()));
    }

    @Test
    void theServerIsInStrictThreadMode() {
        assertThat(HttpVerticle.options(ConfigLoader.load(Map.of(), Map.of()).http()).getStrictThreadMode()).isTrue();
    }

    @Test
    void anAnswerThatArrivesOnAnotherThreadIsWrittenOnTheRequestsLoop() {
        assertThat(await(get("/back"))).isEqualTo(200);
        assertThat(await(get("/failed"))).as("the failure path too").isEqualTo(404);
        assertThat(await(get("/done"))).as("completed already, on another context").isEqualTo(200);
        assertThat(uncaught).isEmpty();
    }

    @Test
    void writingOffTheLoopThrowsAndTheRequestIsNeverAnswered() {
        // what RequestLoop prevents: the write throws before a byte is sent, and the client waits for nothing
        Future<Integer> lost = get("/raw");
        Eventually.until(() -> List.copyOf(uncaught), thrown -> !thrown.isEmpty(), "the write off the loop to throw");
        assertThat(uncaught).anySatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Only the context thread can write"));
        assertThat(lost.isComplete()).as("no response, until the client's idle time-out").isFalse();
    }

    @Test
    void anOutcomeWhoseListenersRunOnTheLoopAnywayIsHandedBackWithoutAWrapper() {
        ContextInternal loop = ((VertxInternal) vertx).createEventLoopContext();
        ContextInternal worker = ((VertxInternal) vertx).createWorkerContext();
        CompletableFuture<Map<String, Boolean>> passedThrough = new CompletableFuture<>();
        CompletableFuture<Boolean> listenedOnTheLoop = new CompletableFuture<>();
        loop.runOnContext(v -> {
            Thread loopThread = Thread.currentThread();
            Promise<String> boundHere = loop.promise();
            Future<String> back = RequestLoop.back(boundHere.future());
            back.onComplete(ar -> listenedOnTheLoop.complete(Thread.currentThread() == loopThread));
            passedThrough.complete(Map.of(
                    "bound to the request's context, pending", back == boundHere.future(),
                    "complete, bound to no context", passes(Future.succeededFuture("cached")),
                    "pending, bound to no context", passes(Promise.<String>promise().future()),
                    "complete, bound to another context", passes(worker.succeededFuture("elsewhere"))));
            Thread.ofPlatform().start(() -> boundHere.complete("from another thread"));
        });
        assertThat(await(passedThrough)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bound to the request's context, pending", true,
                "complete, bound to no context", true,
                "pending, bound to no context", false,
                "complete, bound to another context", false));
        assertThat(await(listenedOnTheLoop)).as("completed on another thread, its listener still ran on the loop")
                .isTrue();
    }

    private static boolean passes(Future<String> f) {
        return RequestLoop.back(f) == f;
    }
}
