package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import dev.arena.cluster.NodeBus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NodeBus} over Redis: the game directory ({@link RedisMatchDirectory}), and one pub/sub channel per
 * node, {@code arena:relay:<node>}, that carries requests, their answers and one-way messages (match frames) to
 * it. Everything this node publishes goes through one dedicated connection, so one sender's messages arrive in
 * order; everything it receives arrives on the subscriber's context, in order.
 *
 * <p>Wire form of a message on a node's channel:
 * <ul>
 *   <li>{@code q|<id>|<kind>|<length of sender>|<sender><body>}: a request; the answer goes to the sender's channel</li>
 *   <li>{@code r|<id>|o|<answer>} or {@code r|<id>|e|<error JSON>}: an answer ({@link RemoteErrors})</li>
 *   <li>{@code m|<message>}: a one-way message</li>
 *   <li>{@code l|<node>}: that node started (again): forget what it watched in an earlier life</li>
 * </ul>
 */
public final class RedisMatchBus implements NodeBus {
    private static final Logger log = LoggerFactory.getLogger(RedisMatchBus.class);
    /** A request unanswered after this fails with {@code unavailable} (the owner is overloaded or gone). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final Context context;
    private final Redis client;
    private final RedisSubscriber subscriber;
    private final DedicatedConnection writes;
    private final String node;
    private final Duration ttl;
    private final RedisMatchDirectory directory;
    private final RedisEpoch epochs;
    private final Map<String, Function<String, Future<String>>> handlers = new ConcurrentHashMap<>();
    private final Map<Long, Promise<String>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final List<Consumer<String>> lost = new CopyOnWriteArrayList<>();
    private final List<Consumer<MatchId>> gamesLost = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> messages = m -> { };
    /** Watched node → how many watch it; touched only on {@link #context}. */
    private final Map<String, Integer> watched = new HashMap<>();
    /** Watched game of another node → its owner; touched only on {@link #context}. */
    private final Map<MatchId, String> watchedMatches = new HashMap<>();
    private volatile Future<?> lastSend = Future.succeededFuture();
    private long refreshTimer = -1;
    private long checkTimer = -1;

    RedisMatchBus(Vertx vertx, Redis client, RedisSubscriber subscriber, RedisEpoch epochs, String node, Duration ttl,
                  Clock clock) {
        this.vertx = vertx;
        this.epochs = epochs;
        this.context = subscriber.context();
        this.client = client;
        this.subscriber = subscriber;
        this.writes = new DedicatedConnection(client, context, "match relay writes", c -> Future.succeededFuture());
        this.node = node;
        this.ttl = ttl;
        this.directory = new RedisMatchDirectory(client, node, ttl, clock);
    }

    static String channel(String node) {
        return "arena:relay:" + node;
    }

    /**
     * Connects, listens on this node's channel, removes entries an earlier run left, tells the other nodes that
     * this is a new life (what they knew of an earlier one is stale), starts the timers.
     */
    Future<Void> start() {
        return writes.start().compose(v -> subscriber.subscribe(channel(node), this::received))
                .compose(v -> directory.cleanUp(node))
                .compose(v -> directory.peers().onSuccess(peers -> peers.forEach(p -> publish(p, "l|" + node))))
                .<Void>mapEmpty().onSuccess(v -> context.runOnContext(x -> {
                    refreshTimer = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 3), t -> directory.refresh()
                            .onFailure(e -> log.warn("refresh of the game directory failed: {}", e.toString())));
                    checkTimer = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 4), t -> check());
                }));
    }

    boolean up() {
        return writes.up();
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void track(HostedMatches.HostedMatch match, MatchLoop<?, ?, ?> loop) {
        directory.track(match, loop);
    }

    @Override
    public Future<String> owner(MatchId id) {
        return directory.owner(id);
    }

    @Override
    public Future<List<String>> peers() {
        return directory.peers();
    }

    @Override
    public Future<String> request(String to, String kind, String body) {
        long id = ids.incrementAndGet();
        Promise<String> answer = Promise.promise();
        pending.put(id, answer);
        long timer = vertx.setTimer(REQUEST_TIMEOUT.toMillis(), t -> {
            if (pending.remove(id) != null) {
                answer.tryFail(new ArenaException.Unavailable("node " + to + " did not answer in time"));
            }
        });
        answer.future().onComplete(ar -> vertx.cancelTimer(timer));
        publish(to, "q|" + id + "|" + kind + "|" + node.length() + "|" + node + body).onComplete(ar -> {
            if (ar.failed() || ar.result() == 0) { // 0: nobody listens on that node's channel
                pending.remove(id);
                answer.tryFail(ar.failed() ? ar.cause() : new ArenaException.Unavailable("node " + to + " is gone"));
            }
        });
        return answer.future();
    }

    @Override
    public void serve(String kind, Function<String, Future<String>> handler) {
        handlers.put(kind, handler);
    }

    @Override
    public void send(String to, String message) {
        publish(to, "m|" + message).onFailure(e -> {
            long n = failedSends.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1, 2, 4, 8, ...: visible without flooding the log
                log.warn("{} match messages to other nodes could not be sent (last: {})", n, e.toString());
            }
        });
    }

    @Override
    public void onMessage(Consumer<String> handler) {
        this.messages = handler;
    }

    @Override
    public void watch(String other) {
        context.runOnContext(v -> watched.merge(other, 1, Integer::sum));
    }

    @Override
    public void unwatch(String other) {
        context.runOnContext(v -> watched.computeIfPresent(other, (k, n) -> n == 1 ? null : n - 1));
    }

    @Override
    public void onNodeLost(Consumer<String> handler) {
        lost.add(handler);
    }

    @Override
    public void watch(MatchId match, String owner) {
        context.runOnContext(v -> watchedMatches.put(match, owner));
    }

    @Override
    public void unwatch(MatchId match) {
        context.runOnContext(v -> watchedMatches.remove(match));
    }

    @Override
    public void onMatchLost(Consumer<MatchId> handler) {
        gamesLost.add(handler);
    }

    /** Publishes on another channel through the same ordered connection (the lobby's changes). */
    Future<Long> publishOn(String channel, String payload) {
        return writes.send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload)).map(r -> r == null ? 0L : r.toLong());
    }

    private Future<Long> publish(String to, String payload) {
        Future<Long> sent = writes.send(Request.cmd(Command.PUBLISH).arg(channel(to)).arg(payload))
                .map(r -> r == null ? 0L : r.toLong());
        lastSend = sent;
        return sent;
    }

    /**
     * Watched nodes whose heartbeat key is gone are lost: their entries are removed and the handlers told. Watched
     * games whose directory entry or owner is gone are lost too. Not while Redis's data is new (it was lost): the
     * other nodes are writing their heartbeats and entries back ({@link RedisEpoch#settling}).
     */
    private void check() {
        epochs.check().onComplete(ar -> {
            if (ar.succeeded() && !epochs.settling()) {
                judge();
            }
        });
    }

    /**
     * After Redis lost its data: this node's running games' entries and join codes written back. Completes with the
     * games whose join code another game claimed meanwhile.
     */
    Future<List<MatchId>> rewrite() {
        return directory.rewrite();
    }

    private void judge() {
        for (String other : List.copyOf(watched.keySet())) {
            client.send(Request.cmd(Command.EXISTS).arg(ClusterMembership.aliveKey(other)))
                    .onSuccess(r -> context.runOnContext(v -> {
                        if (r.toLong() == 0 && watched.remove(other) != null) {
                            log.info("node {} is gone: the players it watched for this node's matches are away", other);
                            directory.cleanUp(other);
                            lost.forEach(h -> h.accept(other));
                        }
                    }));
        }
        if (watchedMatches.isEmpty()) {
            return;
        }
        List<Map.Entry<MatchId, String>> games = List.copyOf(watchedMatches.entrySet());
        List<Request> checks = new ArrayList<>();
        for (Map.Entry<MatchId, String> g : games) {
            checks.add(Request.cmd(Command.EXISTS).arg(RedisMatchDirectory.gameKey(g.getKey())));
            checks.add(Request.cmd(Command.EXISTS).arg(ClusterMembership.aliveKey(g.getValue())));
        }
        client.batch(checks).onSuccess(answers -> context.runOnContext(v -> {
            Set<String> dead = new HashSet<>();
            for (int i = 0; i < games.size(); i++) {
                MatchId id = games.get(i).getKey();
                boolean entry = answers.get(2 * i).toLong() == 1;
                boolean alive = answers.get(2 * i + 1).toLong() == 1;
                if ((!entry || !alive) && watchedMatches.remove(id) != null) {
                    if (!alive && dead.add(games.get(i).getValue())) {
                        log.info("node {} is gone: its matches end for the players on this node", games.get(i).getValue());
                        directory.cleanUp(games.get(i).getValue());
                    }
                    gamesLost.forEach(h -> h.accept(id));
                }
            }
        }));
    }

    private void received(String message) {
        if (message.startsWith("m|")) {
            messages.accept(message.substring(2));
            return;
        }
        if (message.startsWith("l|")) { // a node restarted under the same id: its earlier life is gone
            String other = message.substring(2);
            if (watched.remove(other) != null) {
                log.info("node {} restarted: the players it watched for this node's matches are away", other);
                lost.forEach(h -> h.accept(other));
            }
            return;
        }
        if (message.startsWith("q|")) {
            String[] head = message.split("\\|", 5);
            int senderLength = Integer.parseInt(head[3]);
            String sender = head[4].substring(0, senderLength);
            answer(head[2], head[1], sender, head[4].substring(senderLength));
        } else if (message.startsWith("r|")) {
            String[] parts = message.split("\\|", 4);
            Promise<String> p = pending.remove(Long.parseLong(parts[1]));
            if (p != null) {
                if (parts[2].equals("o")) {
                    p.tryComplete(parts[3]);
                } else {
                    p.tryFail(RemoteErrors.decode("another node", parts[3]));
                }
            }
        }
    }

    private void answer(String kind, String id, String sender, String body) {
        Future<String> result;
        Function<String, Future<String>> handler = handlers.get(kind);
        try {
            result = handler == null ? Future.failedFuture(new IllegalStateException("no handler for " + kind))
                    : handler.apply(body);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> {
            if (ar.failed() && !(ar.cause() instanceof ArenaException)) {
                log.error("request {} from node {} failed", kind, sender, ar.cause());
            }
            publish(sender, "r|" + id + (ar.succeeded() ? "|o|" + ar.result() : "|e|" + RemoteErrors.encode(ar.cause())))
                    .onFailure(e -> log.warn("could not answer node {}: {}", sender, e.toString()));
        });
    }

    /** Graceful stop: the last messages out, this node's directory entries removed, no more requests. */
    Future<Void> leave() {
        halt();
        return lastSend.transform(ar -> Future.succeededFuture()).timeout(2, TimeUnit.SECONDS).otherwiseEmpty()
                .compose(v -> subscriber.unsubscribe(channel(node)))
                .compose(v -> directory.cleanUp(node));
    }

    /** Stops the timers without cleaning up (a crash). */
    void halt() {
        vertx.cancelTimer(refreshTimer);
        vertx.cancelTimer(checkTimer);
    }

    Future<Void> close() {
        halt();
        return writes.close();
    }
}
