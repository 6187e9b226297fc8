package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStep;
import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.ConnectFourGame.Played;
import dev.arena.testing.Player;
import dev.arena.testing.Eventually;
import dev.arena.testing.MutableClock;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result jobs are durable: a failing step is retried with backoff and shown to admins while it fails, and a
 * node killed in the middle of a job leaves it to another node, which finishes it without applying anything twice.
 */
class ResultJobsIntegrationTest {
    /** One rating game between two unrated players: the winner goes 1500 -> 1662.3 (applied twice it would differ). */
    static final double ONE_WIN = 1662.3;

    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static Map<String, String> env(String db) {
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_DATABASE_URL", db);
        env.put("ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET);
        env.put("ARENA_JOB_RETRY_FIRST", "50ms");
        env.put("ARENA_JOB_RETRY_MAX", "200ms");
        env.put("ARENA_JOB_HEARTBEAT", "100ms");
        env.put("ARENA_JOB_POLL_INTERVAL", "100ms");
        return env;
    }

    static Player register(TestNode node, String name) {
        return Player.of(node.register(name + "-" + UUID.randomUUID().toString().substring(0, 8), "password-1"));
    }

    static JsonObject stats(TestNode node, Player p) {
        return node.http().get("/players/" + p.id() + "/stats", p.token()).json();
    }

    static String adminToken(TestNode node) throws Exception {
        String name = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        node.arena().identity().createPrivileged(name, "admin-password", Role.ADMIN)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return node.http().post("/auth/login", new JsonObject().put("username", name).put("password", "admin-password"))
                .json().getString("token");
    }

    /** Wraps the step named {@code name} only. */
    static UnaryOperator<ResultStep> only(String name, java.util.function.Function<ResultStep, ResultStep> wrap) {
        return step -> step.name().equals(name) ? wrap.apply(step) : step;
    }

    static ResultStep step(String name, java.util.function.Function<FinishedMatch, Future<Void>> apply) {
        return new ResultStep() {
            public String name() {
                return name;
            }

            public Future<Void> apply(FinishedMatch match) {
                return apply.apply(match);
            }
        };
    }

    @Test
    void aFailingStepIsRetriedWithBackoffAndShownToAdminsUntilItSucceeds() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        String db = TestDatabases.asUrl(TestDatabases.fresh(ResultJobsIntegrationTest.class));
        try (TestNode node = TestNode.start(env(db), new MutableClock(), only("ratings", real -> step("ratings", m -> {
            attempts.incrementAndGet();
            return broken.get() ? Future.failedFuture(new IllegalStateException("ratings store down"))
                    : real.apply(m);
        })))) {
            Player a = register(node, "ann");
            Player b = register(node, "ben");
            String admin = adminToken(node);
            Played game = ConnectFourGame.play(node.http(), vertx, node.arena().port(), a, b);

            JsonObject failing = Eventually.until(() -> node.http().get("/admin/jobs", admin).json(),
                    j -> j.getJsonArray("failing").size() == 1
                            && j.getJsonArray("failing").getJsonObject(0).getInteger("consecutive_failures") >= 2,
                    "the ratings job to fail twice");
            JsonObject job = failing.getJsonArray("failing").getJsonObject(0);
            assertThat(job.getString("step")).isEqualTo("ratings");
            assertThat(job.getString("game_id")).isEqualTo(game.gameId());
            assertThat(job.getString("last_error")).as("why it fails, for the console")
                    .isEqualTo("java.lang.IllegalStateException: ratings store down");
            // the other steps did not wait for the broken one
            JsonObject meanwhile = Eventually.until(() -> stats(node, game.winner()), s -> s.getInteger("wins") == 1,
                    "stats while ratings fail");
            assertThat(meanwhile.getJsonArray("ratings")).isEmpty();
            assertThat(node.http().get("/admin/jobs", a.token()).status()).isEqualTo(403);

            broken.set(false);
            JsonObject healed = Eventually.until(() -> stats(node, game.winner()),
                    s -> !s.getJsonArray("ratings").isEmpty(), "ratings after the store recovers");
            assertThat(healed.getDouble("rating")).isCloseTo(ONE_WIN, Offset.offset(0.1));
            JsonObject done = Eventually.until(() -> node.http().get("/admin/jobs", admin).json(),
                    j -> j.getLong("pending") == 0, "no pending job");
            assertThat(done.getJsonArray("failing")).isEmpty();
            assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void jobsOfAKilledNodeAreFinishedByAnotherNodeExactlyOnce() {
        String db = TestDatabases.asUrl(TestDatabases.fresh(ResultJobsIntegrationTest.class));
        AtomicBoolean ratingsApplied = new AtomicBoolean();
        // on the doomed node: ratings are applied, then the job hangs before it can be marked done; stats hang
        // before doing anything
        UnaryOperator<ResultStep> hang = step -> switch (step.name()) {
            case "ratings" -> step("ratings", m -> step.apply(m).compose(v -> {
                ratingsApplied.set(true);
                return Promise.<Void>promise().future();
            }));
            case "stats" -> step("stats", m -> Promise.<Void>promise().future());
            default -> step;
        };
        Player a;
        Played game;
        TestNode doomed = TestNode.start(env(db), new MutableClock(), hang);
        try {
            a = register(doomed, "cat");
            Player b = register(doomed, "dan");
            game = ConnectFourGame.play(doomed.http(), vertx, doomed.arena().port(), a, b);
            Eventually.until(ratingsApplied::get, x -> x, "ratings applied on the doomed node");
        } finally {
            doomed.arena().crash();
            doomed.close();
        }

        try (TestNode heir = TestNode.start(env(db), new MutableClock())) {
            JsonObject s = Eventually.until(() -> stats(heir, game.winner()), x -> x.getInteger("games_played") == 1,
                    "stats finished by the other node");
            assertThat(s.getInteger("wins")).isEqualTo(1);
            // the ratings job ran again on this node, and changed nothing the second time
            String admin;
            try {
                admin = adminToken(heir);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Eventually.until(() -> heir.http().get("/admin/jobs", admin).json(), j -> j.getLong("pending") == 0,
                    "every job of the dead node done");
            JsonObject after = stats(heir, game.winner());
            assertThat(after.getDouble("rating")).isCloseTo(ONE_WIN, Offset.offset(0.1));
            assertThat(after.getJsonArray("ratings").getJsonObject(0).getInteger("games")).isEqualTo(1);
            assertThat(after.getInteger("games_played")).isEqualTo(1);
            // the leaderboard was rebuilt from the database at start-up and follows the retried job
            JsonObject board = heir.http().get("/leaderboard/global?mode=connect_four", a.token()).json();
            assertThat(board.getJsonArray("entries").getJsonObject(0).getString("player_id"))
                    .isEqualTo(game.winner().id());
        }
    }
}
