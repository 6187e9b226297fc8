package dev.arena.storage.redis;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import dev.arena.room.RoomStreamContract;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The room stream contract against a real Redis, plus what only a cluster has: two nodes seeing one room in
 * the same order, and a subscriber that loses its connection and catches up.
 */
class RedisRoomStreamIntegrationTest extends RoomStreamContract {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();
    private final List<RedisSubscriber> subscribers = new ArrayList<>();

    @Override
    protected RoomStream create(int bufferSize, Duration window, Clock clock) {
        RedisSubscriber subscriber = new RedisSubscriber(
                Redis.createClient(redis.vertx(), new RedisOptions().setConnectionString(TestRedis.url())),
                redis.vertx().getOrCreateContext());
        await(subscriber.start());
        subscribers.add(subscriber);
        RedisRoomStream s = new RedisRoomStream(redis.client(), subscriber,
                new RedisEpoch(redis.client(), Duration.ZERO, clock), bufferSize, window, clock);
        await(s.start());
        return s;
    }

    @Override
    protected boolean deliversRoomsNotListenedTo() {
        return false;
    }

    @AfterEach
    void closeSubscribers() {
        subscribers.forEach(s -> await(s.close()));
    }

    @Test
    void twoNodesSeeOneRoomsEventsInTheSameOrder() throws Exception {
        String room = room();
        RoomStream other = create(BUFFER, WINDOW, clock);
        List<RoomEvent> otherReceived = java.util.Collections.synchronizedList(new ArrayList<>());
        other.onEvent(otherReceived::add);
        await(stream.listen(room));
        await(other.listen(room));

        List<Future<Long>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 100; i++) {
                sent.add(other.append(message(room, "\"other\"")));
            }
        });
        for (int i = 0; i < 100; i++) {
            sent.add(stream.append(message(room, "\"this\"")));
        }
        t.join();
        await(Future.all(new ArrayList<>(sent)));

        List<RoomEvent> here = awaitReceived(e -> e.room().equals(room), 200);
        List<Long> expected = LongStream.rangeClosed(1, 200).boxed().toList();
        assertThat(here).extracting(RoomEvent::seq).isEqualTo(expected);
        long deadline = System.currentTimeMillis() + 10_000;
        while (otherReceived.size() < 200 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        List<RoomEvent> there = List.copyOf(otherReceived);
        assertThat(there).extracting(RoomEvent::seq).isEqualTo(expected);
        for (int i = 0; i < 200; i++) {
            assertThat(((RoomEvent.Message) there.get(i)).data())
                    .isEqualTo(((RoomEvent.Message) here.get(i)).data());
        }
        await(other.close());
    }

    @Test
    void aSubscriberThatLosesItsConnectionResubscribesAndReplaysWhatItMissed() {
        String room = room();
        await(stream.listen(room));
        await(stream.append(message(room, "1")));
        awaitReceived(e -> e.room().equals(room), 1);

        // Cut every subscriber connection (the server drops pub/sub clients); the write connection stays up, so
        // these appends are published while this node's subscriber is away or just back.
        await(redis.client().send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub")));
        for (int i = 2; i <= 6; i++) {
            await(stream.append(message(room, Integer.toString(i))));
        }

        List<RoomEvent> got = awaitReceived(e -> e.room().equals(room), 6);
        assertThat(got).extracting(RoomEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        // and it is live again
        await(stream.append(message(room, "7")));
        assertThat(awaitReceived(e -> e.room().equals(room), 7)).extracting(RoomEvent::seq).endsWith(7L);
        String later = "later-" + UUID.randomUUID();
        await(stream.listen(later));
        await(stream.append(message(later, "x")));
        assertThat(awaitReceived(e -> e.room().equals(later), 1)).hasSize(1);
    }
}
