package dev.arena.matchmaking.service;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.matchmaking.QueueConfig;
import dev.arena.storage.redis.RedisPlayerSessions;
import dev.arena.storage.redis.RedisTicketStore;
import dev.arena.testing.RedisFixture;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two matchmaking services sharing a real Redis as two nodes would (tickets and socket counts), each with its own
 * clock and disconnect watch: the disconnect grace asks the cluster, not the node the player left. The nodes are
 * marked alive the way {@code ClusterMembership}'s heartbeat does. Also {@link RedisPlayerSessions} itself: any live
 * node's socket counts, a dead node's and an earlier run's do not, and counts sum right in any order.
 */
class MatchmakingAcrossNodesIntegrationTest {
    private static final String BATTLE = QueueConfig.ARENA_BATTLE;
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private MatchmakingHarness a;
    private MatchmakingHarness b;

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
            b.close();
        }
    }

    /** A node's socket counts; the node is listed, and alive (its heartbeat key set) when {@code alive}. */
    private RedisPlayerSessions sessions(String name, boolean alive) {
        String node = name + "-" + run;
        if (alive) {
            await(redis.client().send(Request.cmd(Command.SET).arg("arena:node:" + node).arg("alive")));
        }
        await(redis.client().send(Request.cmd(Command.SADD).arg("arena:nodes").arg(node)));
        return new RedisPlayerSessions(redis.client(), node);
    }

    private MatchmakingHarness node(String name) {
        RedisPlayerSessions sessions = sessions(name, true);
        await(sessions.start());
        return new MatchmakingHarness(List.of(QueueConfig.arenaBattle()),
                new RedisTicketStore(redis.client(), Duration.ofMinutes(10)), sessions, name + "-" + run);
    }

    private void died(MatchmakingHarness h) {
        await(redis.client().send(Request.cmd(Command.DEL).arg("arena:node:" + h.node)));
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

    @Test
    void aSocketOnAnyLiveNodeCounts() {
        RedisPlayerSessions a = sessions("a", true);
        RedisPlayerSessions b = sessions("b", true);
        UUID p = UUID.randomUUID();
        assertThat(await(a.online(p))).isFalse();

        await(a.opened(p));
        await(a.opened(p));
        await(b.opened(p));
        await(a.closed(p));
        await(a.closed(p));
        assertThat(await(a.online(p))).as("still on b").isTrue();
        await(b.closed(p));
        assertThat(await(a.online(p))).isFalse();
        assertThat(await(redis.client().send(Request.cmd(Command.HLEN).arg("arena:mm:s:a-" + run)))
                .toLong()).as("nothing left behind").isZero();
    }

    @Test
    void aCloseCountedBeforeItsOpenStillSumsToNothing() {
        RedisPlayerSessions a = sessions("a", true);
        UUID p = UUID.randomUUID();
        await(a.closed(p));
        await(a.opened(p));
        assertThat(await(a.online(p))).isFalse();
        await(a.opened(p));
        assertThat(await(a.online(p))).isTrue();
    }

    @Test
    void aDeadNodeAndAnEarlierRunOfANodeCountNothing() {
        RedisPlayerSessions dead = sessions("dead", false);
        RedisPlayerSessions live = sessions("live", true);
        UUID p = UUID.randomUUID();
        await(dead.opened(p));
        assertThat(await(live.online(p))).as("the dead node's heartbeat is gone").isFalse();

        UUID q = UUID.randomUUID();
        await(live.opened(q));
        RedisPlayerSessions restarted = new RedisPlayerSessions(redis.client(), "live-" + run);
        await(restarted.start());
        assertThat(await(live.online(q))).as("cleared when the node starts again").isFalse();
    }
}
