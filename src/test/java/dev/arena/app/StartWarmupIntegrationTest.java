package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.config.DatabaseUrl;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up (ARENA_WARMUP): it drives its sockets through a room before the node reports ready, and
 * leaves nothing behind: no rows, no open sockets or rooms, and tokens that are refused afterwards. About 5 s: a node
 * of its own, whose warm-up (mostly connecting 200 sockets to a cold node) takes about 1.5 s of it.
 */
class StartWarmupIntegrationTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(StartWarmupIntegrationTest.class, Map.of("ARENA_WARMUP", "200ms"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void ranThroughARoomBeforeTheNodeWasReady() {
        StartWarmup.Report r = node.arena().warmup();
        assertThat(r).isNotNull();
        assertThat(r.problem()).isNull();
        assertThat(r.sockets()).isEqualTo(StartWarmup.SOCKETS);
        assertThat(r.joined()).isEqualTo(StartWarmup.SOCKETS);
        assertThat(r.sent()).isPositive();
        assertThat(r.received()).isPositive();
        assertThat(node.http().get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void leftNoRowsNoSocketsAndNoRooms() throws SQLException {
        DatabaseUrl db = node.arena().config().database().url().orElseThrow();
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var s = c.createStatement();
             var rows = s.executeQuery("SELECT (SELECT count(*) FROM players) + (SELECT count(*) FROM sessions)"
                     + " + (SELECT count(*) FROM chat_messages) + (SELECT count(*) FROM player_stats)")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
        String metrics = node.http().get("/metrics").body();
        assertThat(metrics).contains("arena_ws_connections 0.0").contains("arena_rooms 0.0");
    }

    @Test
    void aWarmupTokenIsRefusedAfterwards() {
        String token = node.arena().warmup().sample().token();
        assertThat(node.http().get("/players/me", token).status()).isEqualTo(401);
        assertThatThrownBy(() -> WsClient.gateway(node.arena().vertx(), node.arena().port(), token))
                .hasMessageContaining("401");
    }
}
