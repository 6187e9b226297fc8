package dev.arena.storage.redis;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.match.MatchId;
import dev.arena.testing.Eventually;
import dev.arena.testing.RedisFixture;
import dev.arena.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The match bus between two "nodes" on a real Redis: requests and answers (errors keep their kind), one-way
 * messages in order, the directory's owner lookup, and a watched node that goes away.
 */
class RedisMatchBusIntegrationTest {
    private static final Duration TTL = Duration.ofMillis(400);
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();
    private final List<RedisSubscriber> subscribers = new ArrayList<>();
    private final List<RedisMatchBus> buses = new ArrayList<>();

    @AfterEach
    void close() {
        for (RedisMatchBus b : buses) {
            await(redis.client().batch(List.of(Request.cmd(Command.DEL).arg(ClusterMembership.aliveKey(b.node())),
                    Request.cmd(Command.SREM).arg(ClusterMembership.NODES).arg(b.node()))));
        }
        buses.forEach(b -> await(b.close()));
        subscribers.forEach(s -> await(s.close()));
    }

    private RedisMatchBus bus(String name) {
        return node(name + "-" + UUID.randomUUID());
    }

    private RedisMatchBus node(String id) {
        RedisSubscriber subscriber = new RedisSubscriber(
                Redis.createClient(redis.vertx(), new RedisOptions().setConnectionString(TestRedis.url())),
                redis.vertx().getOrCreateContext());
        await(subscriber.start());
        subscribers.add(subscriber);
        RedisMatchBus bus = new RedisMatchBus(redis.vertx(), redis.client(), subscriber,
                new RedisEpoch(redis.client(), TTL, Clock.systemUTC()), id, TTL,
                Clock.systemUTC());
        await(bus.start());
        buses.add(bus);
        // registered as ClusterMembership does (removed after the test)
        await(redis.client().batch(List.of(
                Request.cmd(Command.SET).arg(ClusterMembership.aliveKey(id)).arg("up").arg("PX").arg(60_000),
                Request.cmd(Command.SADD).arg(ClusterMembership.NODES).arg(id))));
        return bus;
    }

    @Test
    void answersAndErrorsComeBackAsTheOwnerGaveThem() {
        RedisMatchBus a = bus("a");
        RedisMatchBus b = bus("b");
        b.serve("echo", body -> Future.succeededFuture("echo:" + body));
        b.serve("refuse", body -> {
            throw new ArenaException.Rejected("full", "every seat is taken");
        });
        b.serve("invalid", body -> Future.failedFuture(new ArenaException.Invalid(List.of(
                new ArenaException.FieldError("mode", "unknown"), new ArenaException.FieldError("settings.x", "bad")))));
        b.serve("missing", body -> Future.failedFuture(new ArenaException.NotFound("no game x")));
        b.serve("bug", body -> Future.failedFuture(new NullPointerException("oops")));

        assertThat(await(a.request(b.node(), "echo", "{\"x\":\"a|b\"}"))).isEqualTo("echo:{\"x\":\"a|b\"}");
        assertThatThrownBy(() -> await(a.request(b.node(), "refuse", "{}")))
                .isInstanceOfSatisfying(ArenaException.Rejected.class, e -> {
                    assertThat(e.code()).isEqualTo("full");
                    assertThat(e.getMessage()).isEqualTo("every seat is taken");
                });
        assertThatThrownBy(() -> await(a.request(b.node(), "invalid", "{}")))
                .isInstanceOfSatisfying(ArenaException.Invalid.class, e -> assertThat(e.errors()).containsExactly(
                        new ArenaException.FieldError("mode", "unknown"),
                        new ArenaException.FieldError("settings.x", "bad")));
        assertThatThrownBy(() -> await(a.request(b.node(), "missing", "{}")))
                .isInstanceOf(ArenaException.NotFound.class).hasMessage("no game x");
        assertThatThrownBy(() -> await(a.request(b.node(), "bug", "{}")))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(ArenaException.class);
        assertThatThrownBy(() -> await(a.request(b.node(), "no-such-kind", "{}")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestToANodeNobodyRunsFailsAtOnceAsUnavailable() {
        RedisMatchBus a = bus("a");
        assertThatThrownBy(() -> await(a.request("nobody-" + UUID.randomUUID(), "echo", "{}")))
                .isInstanceOf(ArenaException.Unavailable.class);
    }

    @Test
    void oneSendersMessagesArriveInOrder() {
        RedisMatchBus a = bus("a");
        RedisMatchBus b = bus("b");
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        b.onMessage(received::add);
        List<String> sent = IntStream.range(0, 500).mapToObj(i -> "f|" + i + "|x").toList();
        sent.forEach(m -> a.send(b.node(), m));
        awaitTrue(() -> received.size() == sent.size());
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void theOwnerOfAGameIsFoundOnlyWhileItIsAlive() {
        RedisMatchBus a = bus("a");
        RedisMatchBus b = bus("b");
        MatchId id = MatchId.random();
        assertThatThrownBy(() -> await(a.owner(id))).isInstanceOf(ArenaException.NotFound.class)
                .hasMessage("no game " + id);
        await(redis.client().batch(List.of(
                Request.cmd(Command.HSET).arg(RedisMatchDirectory.gameKey(id)).arg("owner").arg(b.node()),
                Request.cmd(Command.ZADD).arg(RedisMatchDirectory.nodeMatchesKey(b.node()))
                        .arg(System.currentTimeMillis() + 3_600_000).arg(id.value().toString()))));
        assertThat(await(a.owner(id))).isEqualTo(b.node());
        assertThatThrownBy(() -> await(b.owner(id))).as("its own games are in its own directory")
                .isInstanceOf(ArenaException.NotFound.class);

        await(redis.client().send(Request.cmd(Command.DEL).arg(ClusterMembership.aliveKey(b.node()))));
        assertThatThrownBy(() -> await(a.owner(id))).isInstanceOf(ArenaException.NotFound.class);
        awaitTrue(() -> await(redis.client().send(Request.cmd(Command.EXISTS).arg(RedisMatchDirectory.gameKey(id))))
                .toLong() == 0);
    }

    @Test
    void aWatchedNodeWhoseHeartbeatStopsIsReportedLostOnce() {
        RedisMatchBus a = bus("a");
        RedisMatchBus b = bus("b");
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        a.onNodeLost(lost::add);
        a.watch(b.node());
        a.watch(b.node());
        await(redis.client().send(Request.cmd(Command.DEL).arg(ClusterMembership.aliveKey(b.node()))));
        awaitTrue(() -> !lost.isEmpty());
        assertThat(lost).containsExactly(b.node());
    }

    @Test
    void aWatchedNodeThatStartsAgainUnderTheSameIdIsReportedLost() {
        RedisMatchBus a = bus("a");
        RedisMatchBus b = bus("b");
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        a.onNodeLost(lost::add);
        a.watch(b.node());
        node(b.node()); // the new life, while the old one's heartbeat key still lives
        awaitTrue(() -> !lost.isEmpty());
        assertThat(lost).containsExactly(b.node());
    }

    @Test
    void aWatchedGameIsLostWhenItsEntryGoesEvenIfItsOwnerLives() {
        RedisMatchBus a = bus("a");
        RedisMatchBus b = bus("b");
        MatchId kept = MatchId.random();
        MatchId removed = MatchId.random();
        for (MatchId id : List.of(kept, removed)) {
            await(redis.client().send(Request.cmd(Command.HSET).arg(RedisMatchDirectory.gameKey(id)).arg("owner").arg(b.node())));
        }
        List<MatchId> lost = Collections.synchronizedList(new ArrayList<>());
        a.onMatchLost(lost::add);
        a.watch(kept, b.node());
        a.watch(removed, b.node());
        // what an owner restarted under the same id does to its earlier life's entries
        await(redis.client().send(Request.cmd(Command.DEL).arg(RedisMatchDirectory.gameKey(removed))));
        awaitTrue(() -> !lost.isEmpty());
        assertThat(lost).containsExactly(removed);

        await(redis.client().send(Request.cmd(Command.DEL).arg(ClusterMembership.aliveKey(b.node()))));
        awaitTrue(() -> lost.size() == 2);
        assertThat(lost).containsExactly(removed, kept);
    }

    /** Bounded poll for something asynchronous. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        Eventually.until(condition::getAsBoolean, done -> done, "the condition");
    }

    /** Join codes (RedisJoinCodes): one game per code cluster-wide, found from anywhere, released by its game only. */
    @Test
    void aCodeIsClaimedOnceFoundAnywhereAndReleasedOnlyByItsGame() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        RedisJoinCodes nodeA = new RedisJoinCodes(redis.client(), Duration.ofSeconds(10));
        RedisJoinCodes nodeB = new RedisJoinCodes(redis.client(), Duration.ofSeconds(10));
        MatchId first = MatchId.random();
        MatchId second = MatchId.random();

        assertThat(await(nodeA.claim(code, first))).isTrue();
        assertThat(await(nodeB.claim(code, second))).as("taken by another node's game").isFalse();
        assertThat(await(nodeB.find(code))).contains(first);
        long ttl = await(redis.client().send(Request.cmd(Command.PTTL).arg(RedisJoinCodes.key(code)))).toLong();
        assertThat(ttl).as("lives like a directory entry: 3 x node TTL").isBetween(1L, 30_000L);

        await(nodeB.release(code, second)); // not the code's game: nothing happens
        assertThat(await(nodeA.find(code))).contains(first);
        await(nodeA.release(code, first));
        assertThat(await(nodeB.find(code))).isEqualTo(Optional.empty());
        assertThat(await(nodeB.claim(code, second))).as("free again").isTrue();
        await(nodeB.release(code, second));
    }
}
