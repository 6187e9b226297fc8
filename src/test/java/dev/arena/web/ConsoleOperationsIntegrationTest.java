package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.arena.identity.Role;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStep;
import dev.arena.testing.Browsers;
import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.Futures;
import dev.arena.testing.MutableClock;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's tournament screens, chat filter hits and mute, sign out everywhere, job errors and the
 * input-to-state panel, in real Chromium against a real node whose {@code stats} result step fails while
 * {@link #statsDown} is set (so a failing job has an error to show).
 */
class ConsoleOperationsIntegrationTest {
    private static final String PASSWORD = "correct-horse-9";
    private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(15_000);
    private static final AtomicBoolean statsDown = new AtomicBoolean(true);
    private static TestNode node;
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();

    @BeforeAll
    static void start() {
        String db = TestDatabases.asUrl(TestDatabases.fresh(ConsoleOperationsIntegrationTest.class));
        node = TestNode.start(Map.of("ARENA_DATABASE_URL", db, "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET,
                "ARENA_JOB_RETRY_FIRST", "1h", "ARENA_JOB_RETRY_MAX", "1h", "ARENA_JOB_POLL_INTERVAL", "100ms"),
                new MutableClock(), step -> step.name().equals("stats") ? failingWhileDown(step) : step);
        Futures.await(node.arena().identity().createPrivileged("root", PASSWORD, Role.ADMIN));
        Futures.await(node.arena().identity().createPrivileged("mod", PASSWORD, Role.MODERATOR));
    }

    private static ResultStep failingWhileDown(ResultStep real) {
        return new ResultStep() {
            public String name() {
                return real.name();
            }

            public Future<Void> apply(FinishedMatch match) {
                return statsDown.get() ? Future.failedFuture(new IllegalStateException("stats store down"))
                        : real.apply(match);
            }
        };
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static Page signedIn(String path, String username) {
        return browsers.signedIn(node, path, username, PASSWORD);
    }

    private static String token(String username) {
        Response r = node.http().post("/auth/login", new JsonObject().put("username", username).put("password", PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        return r.json().getString("token");
    }

    private static void ok(Response r) {
        assertThat(r.status()).as("%s", r).isBetween(200, 204);
    }

    @Test
    void tournamentsAreCreatedAndCorrectedInTheConsoleWithTheServersFieldErrorsShown() {
        Page page = signedIn("/admin", "root");
        page.getByTestId("section-tournaments").click();
        // refused by the server: each problem field is shown beside its input
        page.getByTestId("tc-name").fill("Winter Cup");
        page.getByTestId("tc-format").selectOption("swiss");
        page.getByTestId("tc-best_of").fill("2");
        page.getByTestId("tc-submit").click();
        assertThat(page.getByTestId("error-best_of")).hasText(Pattern.compile("must be odd"), SOON);
        assertThat(page.getByTestId("error-rounds")).hasText(Pattern.compile("required for swiss"));
        assertThat(page.getByTestId("tc-error")).hasText(Pattern.compile("2 fields need a change"));
        assertThat(page.getByTestId("error-starts_at")).hasCount(0); // prefilled with the next hour
        browsers.screenshot(page, "admin-tournament-errors");

        page.getByTestId("tc-format").selectOption("single_elimination");
        page.getByTestId("tc-reason").fill("the winter season");
        page.getByTestId("tc-best_of").fill("1");
        page.getByTestId("tc-max_players").fill("4");
        page.getByTestId("tc-submit").click();
        assertThat(page.getByTestId("tc-done")).hasText(Pattern.compile("Created \"Winter Cup\""), SOON);
        assertThat(page.getByTestId("error-best_of")).hasCount(0);
        assertThat(page.getByTestId("tournaments")).containsText("Winter Cup");

        // four players enter through the API; the organiser (root) records a first-round result by hand (a final's
        // result would complete the tournament, and a completed tournament takes no correction)
        String root = token("root");
        JsonObject cup = node.http().get("/tournaments", root).json().getJsonArray("tournaments").stream()
                .map(JsonObject.class::cast).filter(t -> t.getString("name").equals("Winter Cup")).findFirst()
                .orElseThrow();
        String id = cup.getString("tournament_id");
        for (String name : new String[] {"cup_ann", "cup_ben", "cup_cat", "cup_dan"}) {
            Player p = Player.of(node.register(name, PASSWORD));
            ok(node.http().post("/tournaments/" + id + "/register", new JsonObject(), p.token()));
        }
        ok(node.http().post("/tournaments/" + id + "/start", new JsonObject(), root));
        String pairing = node.http().get("/tournaments/" + id + "/bracket", root).json().getJsonArray("rounds")
                .getJsonObject(0).getJsonArray("pairings").getJsonObject(0).getString("pairing_id");
        ok(node.http().post("/tournaments/" + id + "/pairings/" + pairing + "/result",
                new JsonObject().put("home_wins", 1).put("away_wins", 0), root));

        page.getByTestId("section-players").click();
        page.getByTestId("section-tournaments").click();
        page.getByTestId("tournament-row").filter(new Locator.FilterOptions().setHasText("Winter Cup"))
                .getByTestId("correct-open").click();
        assertThat(page.getByTestId("cr-pairing")).hasValue(pairing);
        page.getByTestId("cr-home_wins").fill("12");
        page.getByTestId("cr-away_wins").fill("0");
        page.getByTestId("cr-submit").click();
        assertThat(page.getByTestId("error-home_wins")).hasText(Pattern.compile("between 0 and 9"), SOON);
        page.getByTestId("cr-home_wins").fill("0");
        page.getByTestId("cr-away_wins").fill("1");
        page.getByTestId("cr-reason").fill("scores were swapped");
        page.getByTestId("cr-submit").click();
        assertThat(page.getByTestId("cr-done")).hasText(Pattern.compile("Corrected " + pairing), SOON);
        assertThat(page.getByTestId("cr-pairing")).containsText(pairing + " (0–1)"); // the bracket read again
        page.evaluate("window.scrollTo(0, 0)"); // a full-page picture with the sticky header at the top
        browsers.screenshot(page, "admin-tournament-correct");

        // the tournament's own record: the first result, then the correction with its reason
        JsonArray corrections = node.http().get("/tournaments/" + id + "/corrections", root).json()
                .getJsonArray("corrections");
        assertThat(corrections).hasSize(2);
        JsonObject correction = corrections.stream().map(JsonObject.class::cast)
                .filter(c -> "scores were swapped".equals(c.getString("reason"))).findFirst().orElseThrow();
        assertThat(correction.getString("pairing_id")).isEqualTo(pairing);
        assertThat(correction.getString("corrected")).isEqualTo("0-1-0");

        // cancelled from the console with a reason; bad reasons are refused first
        Response tooLong = node.http().post("/tournaments/" + id + "/cancel",
                new JsonObject().put("reason", "x".repeat(501)), root);
        assertThat(tooLong.status()).as("%s", tooLong).isEqualTo(422);
        assertThat(node.http().post("/tournaments/" + id + "/cancel", new JsonObject().put("why", "no"), root).status())
                .isEqualTo(422);
        page.getByTestId("reason").fill("venue closed");
        page.getByTestId("tournament-row").filter(new Locator.FilterOptions().setHasText("Winter Cup"))
                .getByTestId("tournament-cancel").click();
        assertThat(page.getByTestId("action-result")).hasText(Pattern.compile("Cancel: done"), SOON);

        // every action of the console account is in the audit log: who, what, when, why
        JsonArray entries = node.http().get("/admin/audit?limit=20&q=" + id, root).json().getJsonArray("items");
        Map<String, java.util.List<String>> whyByAction = new java.util.TreeMap<>();
        for (Object o : entries) {
            JsonObject e = (JsonObject) o;
            assertThat(e.getString("actor_name")).isEqualTo("root");
            assertThat(e.getString("target")).isEqualTo(id);
            assertThat(e.getString("at")).isNotBlank();
            whyByAction.computeIfAbsent(e.getString("action"), k -> new java.util.ArrayList<>()).add(e.getString("reason"));
        }
        assertThat(whyByAction).containsEntry("tournament.create", java.util.List.of("the winter season"))
                .containsEntry("tournament.start", java.util.List.of(""))
                .containsEntry("tournament.cancel", java.util.List.of("venue closed"))
                .containsEntry("tournament.result", java.util.List.of("scores were swapped", ""));
        JsonObject corrected = entries.stream().map(JsonObject.class::cast)
                .filter(e -> "scores were swapped".equals(e.getString("reason"))).findFirst().orElseThrow();
        assertThat(corrected.getJsonObject("detail").getMap()).containsEntry("pairing", pairing)
                .containsEntry("result", "0-1-0");
        page.getByTestId("section-audit").click();
        assertThat(page.getByTestId("audit")).containsText("tournament.cancel");
        browsers.screenshot(page, "admin-audit-tournaments");

        // a player organising their own tournament answers to the tournament's records, not the audit log
        Player organiser = Player.of(node.register("cup_org", PASSWORD));
        Response own = node.http().post("/tournaments", new JsonObject().put("name", "Garage Cup")
                .put("format", "round_robin").put("mode", "connect_four").put("max_players", 4)
                .put("starts_at", "2030-01-01T18:00:00Z").put("reason", "for fun"), organiser.token());
        assertThat(own.status()).as("%s", own).isEqualTo(201);
        String ownId = own.json().getString("tournament_id");
        ok(node.http().post("/tournaments/" + ownId + "/cancel", new JsonObject(), organiser.token()));
        assertThat(node.http().get("/admin/audit?q=" + ownId, root).json().getJsonArray("items")).isEmpty();
        browsers.assertClean(page);
        page.context().close();
    }

    @Test
    void theMatchViewFollowsTheLiveEventStreamWithoutAReloadAndShowsTheStopsReason() {
        Player a = Player.of(node.register("live_ann", PASSWORD));
        Player b = Player.of(node.register("live_ben", PASSWORD));
        // a private game a player made: moderators follow it live as any other (issue 11)
        JsonObject game = node.http().post("/games/create", new JsonObject().put("mode", "connect_four")
                .put("private", true), a.token()).json();
        String id = game.getString("game_id");
        ok(node.http().post("/games/" + id + "/join", new JsonObject().put("join_code", game.getString("join_code")),
                b.token()));
        Response started = node.http().post("/games/" + id + "/start", new JsonObject().put("force", true), a.token());
        ok(started);
        Player red = started.json().getJsonObject("state").getString("to_move").equals(a.id()) ? a : b;
        Player yellow = red == a ? b : a;
        try (WsClient r = WsClient.gateway(node.arena().vertx(), node.arena().port(), red.token());
             WsClient y = WsClient.gateway(node.arena().vertx(), node.arena().port(), yellow.token())) {
            for (WsClient c : new WsClient[] {r, y}) {
                c.send(msg("match.join", "game_id", id));
                c.await("match.state");
            }
            Page page = signedIn("/admin", "mod");
            page.getByTestId("section-matches").click();
            page.getByTestId("match-row").filter(new Locator.FilterOptions().setHasText(id.substring(0, 8)))
                    .getByTestId("open-match").click();
            assertThat(page.getByTestId("match-follow")).hasText(Pattern.compile("Following the live event stream"),
                    SOON);
            assertThat(page.getByTestId("match-event")).hasCount(0);
            page.evaluate("window.loadedOnce = true"); // gone if the page were loaded again

            r.send(ConnectFourGame.drop(id, 3));
            assertThat(page.getByTestId("match-events")).containsText("disc",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            // the event names its player by display name, not by id
            assertThat(page.getByTestId("match-events")).containsText("\"player\":\"" + (red == a ? "live_ann"
                    : "live_ben") + "\"", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            assertThat(page.getByTestId("match-events")).not().containsText(red.id());
            assertThat(page.getByTestId("match-players")).hasText("(live_ann, live_ben)");
            y.send(ConnectFourGame.drop(id, 4));
            assertThat(page.getByTestId("match-events")).containsText("\"column\":4",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            // the state is read again after events: both moves in it
            assertThat(page.locator("pre.state")).containsText("\"moves\": 2",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            assertThat(page.evaluate("window.loadedOnce")).isEqualTo(true);
            browsers.screenshot(page, "admin-match");

            page.getByTestId("reason").fill("reported for cheating");
            page.getByTestId("stop-match").click();
            assertThat(r.await("match.end").getJsonObject("result").getString("reason"))
                    .isEqualTo("reported for cheating");
            assertThat(page.getByTestId("match-follow")).hasText(
                    Pattern.compile("The match has ended: reported for cheating"), SOON);
            assertThat(page.getByTestId("match-status")).hasText("finished");
            browsers.assertClean(page);
            page.context().close();
        }
    }

    @Test
    void aModeratorSeesFilterHitsAndMutesASenderAndTheMuteIsAudited() {
        Player potty = Player.of(node.register("potty", PASSWORD));
        try (WsClient ws = WsClient.gateway(node.arena().vertx(), node.arena().port(), potty.token())) {
            ws.welcome();
            WsClient.join(ws, "lobby");
            ws.send(msg("chat.send", "room", "lobby", "message", "you shit", "rid", "a"));
            ws.await("ack");
            ws.send(msg("chat.send", "room", "lobby", "message", "hello all", "rid", "b"));
            ws.await("ack");

            Page page = signedIn("/admin", "mod");
            page.getByTestId("section-chat").click();
            Locator rows = page.getByTestId("message-row").filter(new Locator.FilterOptions().setHasText("potty"));
            assertThat(rows).hasCount(2);
            // newest first: the clean message still shows the sender's one filter hit in this room
            assertThat(rows.nth(0).getByTestId("filter-hits")).hasText("1");
            assertThat(rows.nth(1)).containsText("you ****");
            assertThat(rows.nth(1)).containsText("filtered");
            page.getByTestId("reason").fill("language in the lobby");
            rows.nth(0).getByTestId("mute-sender").click();
            assertThat(page.getByTestId("action-result")).hasText(Pattern.compile("Mute potty in lobby: done"), SOON);
            browsers.screenshot(page, "admin-chat-mute");

            ws.send(msg("chat.send", "room", "lobby", "message", "still here", "rid", "c"));
            JsonObject refused = ws.await("error");
            assertThat(refused.getString("code")).isEqualTo("muted");

            page.getByTestId("section-audit").click();
            assertThat(page.getByTestId("audit")).containsText("chat.mute");
            assertThat(page.getByTestId("audit")).containsText("language in the lobby");
            browsers.assertClean(page);
            page.context().close();
        }
    }

    @Test
    void aModeratorMayNotMuteWithoutReasonOrDurationAndAViewerNeverMay() {
        String mod = token("mod");
        String target = Player.of(node.register("mute_target", PASSWORD)).id();
        String path = "/admin/players/" + target + "/chat-mute";
        for (JsonObject bad : new JsonObject[] {new JsonObject().put("duration_seconds", 60),
                new JsonObject().put("reason", "r"), new JsonObject().put("reason", "r").put("duration_seconds", 0),
                new JsonObject().put("reason", "r").put("duration_seconds", 60).put("room", "no spaces"),
                new JsonObject().put("reason", "r").put("duration_seconds", 60).put("extra", 1)}) {
            Response r = node.http().post(path, bad, mod);
            assertThat(r.status()).as("%s", bad).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Futures.await(node.arena().identity().createPrivileged("peeker", PASSWORD, Role.VIEWER));
        assertThat(node.http().post(path, new JsonObject().put("reason", "r").put("duration_seconds", 60),
                token("peeker")).status()).isEqualTo(403);
        assertThat(node.http().post("/admin/players/" + target + "/revoke-sessions", new JsonObject().put("reason", "r"),
                mod).status()).as("sign out everywhere is for admins").isEqualTo(403);
    }

    @Test
    void anAdminSignsAPlayerOutEverywhereFromTheConsoleAndItIsAudited() {
        Player roamer = Player.of(node.register("roamer", PASSWORD));
        try (WsClient ws = WsClient.gateway(node.arena().vertx(), node.arena().port(), roamer.token())) {
            ws.welcome();
            Page page = signedIn("/admin", "root");
            page.getByTestId("player-search").fill("roamer");
            page.getByTestId("player-search-go").click();
            page.getByTestId("open-roamer").click();
            page.getByTestId("reason").fill("lost their phone");
            page.getByTestId("revoke-sessions").click();
            assertThat(page.getByTestId("action-result")).hasText(Pattern.compile("Sign out everywhere: done"), SOON);
            assertThat(ws.awaitClose()).isEqualTo((short) 4002);
            assertThat(node.http().get("/players/me", roamer.token()).status()).isEqualTo(401);
            browsers.screenshot(page, "admin-revoke-sessions");

            page.getByTestId("section-audit").click();
            assertThat(page.getByTestId("audit")).containsText("player.revoke_sessions");
            assertThat(page.getByTestId("audit")).containsText("lost their phone");
            browsers.assertClean(page);
            page.context().close();
        }
    }

    /** Whether the element appears within a second (Playwright waits; nothing sleeps). */
    private static boolean shows(Locator l) {
        try {
            l.first().waitFor(new Locator.WaitForOptions().setTimeout(1_000));
            return true;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return false;
        }
    }

    @Test
    void aFailingJobShowsItsErrorAndTheDashboardShowsInputToStateLatency() {
        Player a = Player.of(node.register("jobs_ann", PASSWORD));
        Player b = Player.of(node.register("jobs_ben", PASSWORD));
        ConnectFourGame.Played game = ConnectFourGame.play(node.http(), node.arena().vertx(), node.arena().port(), a, b);

        Page page = signedIn("/admin", "root");
        page.getByTestId("section-jobs").click();
        Locator error = page.getByTestId("jobs").locator("tr").filter(new Locator.FilterOptions()
                .setHasText(game.gameId().substring(0, 8))).getByTestId("job-error");
        for (int attempt = 0; attempt < 30 && !shows(error); attempt++) {
            page.getByTestId("section-nodes").click(); // the jobs view loads once when opened: open it again
            page.getByTestId("section-jobs").click();
        }
        assertThat(error).hasText(Pattern.compile("IllegalStateException: stats store down"), SOON);
        browsers.screenshot(page, "admin-jobs");
        browsers.assertClean(page);
        page.context().close();

        // the game's moves were inputs: the dashboard shows their input-to-state latency
        Page dash = signedIn("/dashboard", "jobs_ann");
        Locator input = dash.getByTestId("input");
        node.clock().advance(Duration.ofSeconds(1));
        assertThat(input).hasText(Pattern.compile("^\\d+(\\.\\d)?$"), SOON);
        assertThat(dash.getByTestId("chart-input")).not().hasAttribute("data-points", "0");
        browsers.screenshot(dash, "dashboard-input-latency");
        browsers.assertClean(dash);
        dash.context().close();
        statsDown.set(false);
    }
}
