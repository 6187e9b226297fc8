package dev.arena.matchmaking.service;

import static dev.arena.matchmaking.service.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.matchmaking.QueueConfig;
import dev.arena.storage.redis.RedisPlayerSessions;
import dev.arena.storage.redis.RedisTicketStore;
import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two matchmaking services sharing a real Redis as two nodes would (tickets and socket counts), each with its own
 * clock and disconnect watch: the disconnect grace asks the cluster, not the node the player left. The nodes are
 * marked alive the way {@code ClusterMembership}'s heartbeat does.
 */
class MatchmakingAcrossNodesTest {
    private static final String BATTLE = QueueConfig.ARENA_BATTLE;
    private static Vertx vertx;
    private static Redis client;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private MatchmakingHarness a;
    private MatchmakingHarness b;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        client = TestRedis.client(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private MatchmakingHarness node(String name) {
        String node = name + "-" + run;
        await(client.send(Request.cmd(Command.SET).arg("arena:node:" + node).arg("alive")));
        await(client.send(Request.cmd(Command.SADD).arg("arena:nodes").arg(node)));
        RedisPlayerSessions sessions = new RedisPlayerSessions(client, node);
        await(sessions.start());
        return new MatchmakingHarness(List.of(QueueConfig.arenaBattle()),
                new RedisTicketStore(client, Duration.ofMinutes(10)), sessions, node);
    }

    private void died(MatchmakingHarness h) {
        await(client.send(Request.cmd(Command.DEL).arg("arena:node:" + h.node)));
    }

    @Test
    void aPlayerConnectedToAnotherNodeKeepsTheirTicketsWhenTheGraceRunsOutOnTheNodeTheyLeft() {
        a = node("a");
        b = node("b");
        UUID moved = a.player(1500);
        UUID both = a.player(1500);
        UUID gone = a.player(1500);
        a.mm.opened(moved);
        a.mm.opened(both);
        b.mm.opened(both);
        a.mm.opened(gone);
        // nobody near each other in a region of their own: nothing is matched
        TicketRecord tMoved = a.enqueue(moved, BATTLE, "r1" + run);
        TicketRecord tBoth = a.enqueue(both, BATTLE, "r2" + run);
        TicketRecord tGone = a.enqueue(gone, BATTLE, "r3" + run);

        a.mm.closed(moved);
        a.mm.closed(both);
        a.mm.closed(gone);
        online(gone, false);
        a.clock.advance(MatchmakingHarness.GRACE.minusSeconds(1));
        b.mm.opened(moved); // reconnected to the other node within the grace
        online(moved, true);
        a.clock.advance(Duration.ofSeconds(2));
        a.step();
        assertThat(a.ticket(tMoved).status()).isEqualTo(TicketStatus.WAITING);
        assertThat(a.ticket(tBoth).status()).isEqualTo(TicketStatus.WAITING);
        assertThat(a.ticket(tGone).status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(a.ticket(tGone).reason()).isEqualTo("disconnected");

        // the other node's socket closes: that node's own grace then cancels
        b.mm.closed(both);
        online(both, false);
        b.clock.advance(MatchmakingHarness.GRACE.plusSeconds(1));
        b.step();
        assertThat(b.ticket(tBoth).status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(b.ticket(tMoved).status()).isEqualTo(TicketStatus.WAITING);

        // a node that died counts no sockets any more (its heartbeat expired)
        a.mm.opened(moved);
        a.mm.closed(moved);
        died(b);
        online(moved, false);
        a.clock.advance(MatchmakingHarness.GRACE.plusSeconds(1));
        a.step();
        assertThat(a.ticket(tMoved).status()).isEqualTo(TicketStatus.CANCELLED);
    }

    /** Socket counts are written without waiting (from the socket's event loop): waits for them to land. */
    private void online(UUID player, boolean expected) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (await(a.sessions.online(player)) != expected) {
            assertThat(System.nanoTime()).as("sockets of " + player + " counted").isLessThan(until);
            Thread.onSpinWait();
        }
    }
}
