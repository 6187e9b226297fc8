package dev.arena.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.transport.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The client side of a run: one Vert.x with one event loop per core, a "lane" (an event-loop context) per
 * loop, and one HTTP and one WebSocket client per source address. Work item {@code i} always runs on lane
 * {@code i % lanes} and uses source address {@code i % addresses}, so a connection's handlers, and any state
 * only they touch, stay on one thread.
 */
final class LoadGenerator implements AutoCloseable {
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private final Vertx vertx;
    private final List<Context> lanes;
    private final List<HttpClient> http = new ArrayList<>();
    private final List<WebSocketClient> ws = new ArrayList<>();
    private final Target target;

    private LoadGenerator(Vertx vertx, List<Context> lanes, Target target) {
        this.vertx = vertx;
        this.lanes = lanes;
        this.target = target;
    }

    /**
     * @param httpConnections HTTP connections per source address (pool size)
     * @param sockets         WebSockets per source address (Vert.x queues connects beyond this number)
     */
    static LoadGenerator start(CommonOptions.Settings settings, int httpConnections, int sockets) {
        Target target = settings.target();
        List<String> sourceAddresses = settings.sourceAddresses();
        int cores = Runtime.getRuntime().availableProcessors();
        // The bench shares the machine with the server it measures, so its own cost per frame matters too.
        Transport transport = settings.transport().select();
        Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(cores)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS))
                .withTransport(transport).build();
        if (!settings.quiet()) {
            System.err.println("bench network transport: " + transport.name());
        }
        List<Context> lanes = Collections.synchronizedList(new ArrayList<>());
        // One verticle instance per event loop: the public way to get one context on each loop.
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                lanes.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(cores)).await();
        LoadGenerator gen = new LoadGenerator(vertx, List.copyOf(lanes), target);
        List<String> addresses = sourceAddresses.isEmpty() ? Collections.singletonList(null) : sourceAddresses;
        for (String address : addresses) {
            HttpClientOptions ho = new HttpClientOptions()
                    .setDefaultHost(target.host()).setDefaultPort(target.port()).setSsl(target.ssl())
                    .setTrustAll(true).setVerifyHost(false).setKeepAlive(true).setConnectTimeout(10_000);
            WebSocketClientOptions wo = new WebSocketClientOptions()
                    .setDefaultHost(target.host()).setDefaultPort(target.port()).setSsl(target.ssl())
                    .setTrustAll(true).setVerifyHost(false).setConnectTimeout(30_000)
                    .setMaxConnections(Math.max(1, sockets))
                    // room.joined lists every member: ~120 bytes each, so a 1,000-member room sends ~120 KB
                    .setMaxFrameSize(MAX_FRAME).setMaxMessageSize(MAX_FRAME);
            if (address != null) {
                ho.setLocalAddress(address);
                wo.setLocalAddress(address);
            }
            gen.http.add(vertx.createHttpClient(ho, new PoolOptions().setHttp1MaxSize(Math.max(1, httpConnections))));
            gen.ws.add(vertx.createWebSocketClient(wo));
        }
        return gen;
    }

    Vertx vertx() {
        return vertx;
    }

    Target target() {
        return target;
    }

    int laneCount() {
        return lanes.size();
    }

    int lane(int item) {
        return Math.floorMod(item, lanes.size());
    }

    HttpClient http(int item) {
        return http.get(Math.floorMod(item, http.size()));
    }

    WebSocketClient ws(int item) {
        return ws.get(Math.floorMod(item, ws.size()));
    }

    /** Runs {@code work} on lane {@code lane}; the returned future completes with its result. */
    <T> Future<T> onLane(int lane, Supplier<Future<T>> work) {
        Promise<T> done = Promise.promise();
        lanes.get(lane).runOnContext(v -> {
            try {
                work.get().onComplete(done);
            } catch (RuntimeException e) {
                done.tryFail(e);
            }
        });
        return done.future();
    }

    /** Runs {@code perLane(l)} on each lane {@code l}. */
    void onEveryLane(java.util.function.IntConsumer perLane) {
        for (int l = 0; l < lanes.size(); l++) {
            int lane = l;
            lanes.get(l).runOnContext(v -> perLane.accept(lane));
        }
    }

    /**
     * Runs {@code task(0..count-1)} with at most {@code concurrency} unfinished at any time; each task
     * reports its own outcome, so the returned future completes (never fails) when all have finished.
     */
    Future<Void> bounded(int count, int concurrency, IntFunction<Future<?>> task) {
        Promise<Void> all = Promise.promise();
        if (count == 0) {
            all.complete();
            return all.future();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            Future<?> f;
            try {
                f = task.apply(i);
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> {
                if (finished.incrementAndGet() == count) {
                    all.complete();
                } else {
                    // a hop through the event loop, so tasks that finish at once cannot nest calls deeply
                    vertx.runOnContext(v -> launch[0].run());
                }
            });
        };
        for (int w = 0; w < Math.min(concurrency, count); w++) {
            launch[0].run();
        }
        return all.future();
    }

    /** Closes every socket normally on its own lane; waits up to 10 s for the close frames to be written. */
    void closeSockets(BenchSocket[] sockets) {
        List<Future<Void>> closing = new ArrayList<>();
        for (BenchSocket s : sockets) {
            if (s != null) {
                closing.add(onLane(lane(s.index), () -> {
                    s.close();
                    return Future.succeededFuture();
                }));
            }
        }
        try {
            Future.all(closing).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the event loops are closed next anyway
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing is best effort: the process is about to exit
        }
    }
}
