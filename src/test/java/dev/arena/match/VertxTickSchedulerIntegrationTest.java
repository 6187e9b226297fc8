package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A match on a real Vert.x event loop with real timers: it ticks on its own context only and ends by itself.
 * Waits for the match's end future (with a timeout); nothing sleeps.
 */
class VertxTickSchedulerIntegrationTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMatchTicksOnItsOwnContextAtItsRateAndEndsWhenEmpty() throws Exception {
        Context context = vertx.getOrCreateContext();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<Context> contexts = ConcurrentHashMap.newKeySet();
        MatchListener listener = new MatchListener() {
            public void frame(TickFrame frame) {
                threads.add(Thread.currentThread().getName());
                contexts.add(Vertx.currentContext());
            }

            public void ended(MatchEnd end) {
                threads.add(Thread.currentThread().getName());
                contexts.add(Vertx.currentContext());
            }
        };
        MatchRegistry registry = new MatchRegistry(GameCatalog.load(), List.of(new VertxTickScheduler(context)),
                MatchConfig.defaults().withEmptyTimeout(Duration.ofMillis(300)), listener);
        MatchLoop<?, ?, ?> match = registry.create(new MatchRegistry.Create("tally", 1, Map.of("target", 5)));
        PlayerId p = new PlayerId(new UUID(0, 1));
        MatchView joined = match.join(p).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(joined.players()).hasSize(1);
        assertThat(match.offerInput(p, Map.of("type", "add", "points", 5))).isEqualTo(Offer.QUEUED);
        MatchEnd end = match.ended().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(end.result().winner()).contains(p);
        assertThat(threads).hasSize(1).allSatisfy(t -> assertThat(t).contains("eventloop"));
        assertThat(contexts).containsExactly(context);
        assertThat(registry.size()).isZero();

        MatchLoop<?, ?, ?> idle = registry.create(new MatchRegistry.Create("tally", null, null));
        MatchEnd empty = idle.ended().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(empty.result().reason()).isEqualTo("empty");
        assertThat(empty.finalTick()).isEqualTo(3); // 300 ms at 10 Hz
    }
}
