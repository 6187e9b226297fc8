package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.arena.common.Json;
import dev.arena.config.DatabaseUrl;
import dev.arena.identity.Role;
import dev.arena.match.EventLog;
import dev.arena.match.StoredLog;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStore;
import dev.arena.results.StoredMatch;
import dev.arena.testing.Browsers;
import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.Eventually;
import dev.arena.testing.Futures;
import dev.arena.testing.MutableClock;
import dev.arena.testing.Player;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A result the database refuses (here a NUL character in its mode, which PostgreSQL's text cannot hold: SQLSTATE
 * 22021, as the real 22P05 of issue 14) is given up on at once, not retried, and stays visible to admins: in
 * {@code GET /admin/jobs}'s {@code failed} list and on the console's jobs page, with its error text.
 */
class UnstoredResultsIntegrationTest {
    private static final String PASSWORD = "correct-horse-9";
    private static final AtomicInteger recordCalls = new AtomicInteger();
    private static TestNode node;
    private static DatabaseUrl db;
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh(UnstoredResultsIntegrationTest.class);
        node = TestNode.start(Map.of("ARENA_DATABASE_URL", TestDatabases.asUrl(db), "ARENA_TOKEN_SECRET",
                        TestNode.TOKEN_SECRET),
                new MutableClock(), UnaryOperator.identity(), UnstoredResultsIntegrationTest::poisoned);
        Futures.await(node.arena().identity().createPrivileged("root", PASSWORD, Role.ADMIN));
    }

    /** The real store, but every result it records carries a NUL in its mode: real PostgreSQL refuses it. */
    private static ResultStore poisoned(ResultStore real) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("record")) {
                recordCalls.incrementAndGet();
                StoredMatch s = (StoredMatch) args[0];
                FinishedMatch m = s.match();
                StoredMatch bad = new StoredMatch(new FinishedMatch(m.id(), m.mode() + "\u0000", m.result(),
                        m.finishedAt()), s.finalTick(), s.tickRate(), s.ownerNode(), s.relayed(), s.reportedBy(),
                        s.participants(), s.friendsOnly(), s.log());
                return real.record(bad, (EventLog<?>) args[1], (List<String>) args[2]);
            }
            return method.invoke(real, args);
        };
        return (ResultStore) Proxy.newProxyInstance(ResultStore.class.getClassLoader(),
                new Class<?>[] {ResultStore.class}, h);
    }

    private static String retryText(String gameId) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement q = c.prepareStatement("SELECT retry FROM unstored_results WHERE match_id = ?::uuid")) {
            q.setString(1, gameId);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).as("an unstored_results row").isTrue();
                return rows.getString(1);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aResultTheDatabaseRefusesIsNotRetriedAndIsListedAsFailedOverHttpAndInTheConsole() throws SQLException {
        Player a = Player.of(node.register("unstored_ann", PASSWORD));
        Player b = Player.of(node.register("unstored_ben", PASSWORD));
        ConnectFourGame.Played game = ConnectFourGame.play(node.http(), node.arena().vertx(), node.arena().port(),
                a, b);
        String token = node.http().post("/auth/login", new JsonObject().put("username", "root")
                .put("password", PASSWORD)).json().getString("token");

        JsonArray failed = Eventually.until(() -> node.http().get("/admin/jobs", token),
                r -> r.status() == 200 && !r.json().getJsonArray("failed").isEmpty(), "the unstored result listed")
                .json().getJsonArray("failed");
        assertThat(failed).hasSize(1);
        JsonObject row = failed.getJsonObject(0);
        assertThat(row.getString("game_id")).isEqualTo(game.gameId());
        assertThat(row.getString("mode")).isEqualTo("connect_four");
        assertThat(row.getString("error")).contains("22021").hasSizeLessThanOrEqualTo(500);
        assertThat(row.getString("result")).contains(game.winner().id());
        assertThat(row.getString("created_at")).isNotBlank();
        // a data error is never retried: one attempt only
        assertThat(recordCalls.get()).isEqualTo(1);
        // kept with what storing it by hand needs: the stored form with its whole log, and the steps
        JsonObject retry = new JsonObject(retryText(game.gameId()));
        assertThat(retry.getJsonArray("steps")).isNotEmpty();
        StoredLog log = Json.decode(retry.getJsonObject("match").getJsonObject("log").encode(), StoredLog.class);
        assertThat(log.mode()).isEqualTo("connect_four");
        assertThat(log.entries()).filteredOn(e -> e.kind().equals("join")).hasSize(2);
        assertThat(log.entries()).filteredOn(e -> e.kind().equals("input")).isNotEmpty();

        Page page = browsers.signedIn(node, "/admin", "root", PASSWORD);
        page.getByTestId("section-jobs").click();
        Locator error = page.getByTestId("failed-results").locator("tr").filter(new Locator.FilterOptions()
                .setHasText(game.gameId().substring(0, 8))).getByTestId("failed-error");
        assertThat(error).hasText(Pattern.compile("22021"), new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        browsers.screenshot(page, "admin-jobs-unstored");
        browsers.assertClean(page);
        page.context().close();
    }
}
