package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.arena.identity.Role;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard and the admin console in real Chromium against a real node on the embedded database. */
class ConsoleIntegrationTest {
    private static final String PASSWORD = "correct-horse-9";
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    /** Chromium first: without it the class is skipped before a node starts. */
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    @BeforeAll
    static void start() {
        for (var r : new Object[][] {{"root", Role.ADMIN}, {"mod", Role.MODERATOR}, {"looker", Role.VIEWER}}) {
            dev.arena.testing.Futures.await(node.arena().identity().createPrivileged((String) r[0], PASSWORD, (Role) r[1]));
        }
    }

    private static Page signedIn(String path, String username) {
        return browsers.signedIn(node.testNode(), path, username, PASSWORD);
    }

    /** Moves the node's clock one second; the dashboard feed samples it within its 200 ms poll. */
    private static void tick() {
        node.clock().advance(Duration.ofSeconds(1));
    }

    @Test
    void dashboardCcuRisesWhenSocketsConnectAndFallsWhenTheyClose() {
        Player p = Player.of(node.register("ccu_player", PASSWORD));
        Page page = signedIn("/dashboard", "ccu_player");
        Locator ccu = page.getByTestId("ccu");
        tick();
        assertThat(ccu).hasText(Pattern.compile("\\d+"), SOON);
        int before = Integer.parseInt(ccu.textContent());
        List<WsClient> sockets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WsClient ws = WsClient.gateway(node.arena().vertx(), node.arena().port(), p.token());
            ws.welcome();
            sockets.add(ws);
        }
        ccuBecomes(ccu, before + 3);
        sockets.forEach(WsClient::close);
        ccuBecomes(ccu, before); // the server notices each close a moment later: the next seconds show it
        browsers.assertClean(page);
        page.context().close();
    }

    /** Moves the clock a second at a time until the dashboard shows {@code n} (each second is a new sample). */
    private static void ccuBecomes(Locator ccu, int n) {
        for (int attempt = 1; ; attempt++) {
            tick();
            try {
                assertThat(ccu).hasText(String.valueOf(n), new LocatorAssertions.HasTextOptions().setTimeout(2_000));
                return;
            } catch (AssertionError e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aChartReceivesANewPointEachSecond() {
        node.register("chart_player", PASSWORD);
        Page page = signedIn("/dashboard", "chart_player");
        Locator chart = page.getByTestId("chart-ccu");
        tick();
        assertThat(chart).not().hasAttribute("data-points", "0");
        for (int i = 0; i < 3; i++) {
            int points = Integer.parseInt(chart.getAttribute("data-points"));
            tick();
            assertThat(chart).hasAttribute("data-points", String.valueOf(points + 1));
        }
        assertThat(page.getByTestId("feed-state")).hasText("live");
        browsers.screenshot(page, "dashboard");
        browsers.assertClean(page);
        page.context().close();
    }

    @Test
    void aModeratorBansAPlayerFromTheConsoleAndTheirNextChatMessageIsRefused() {
        Player victim = Player.of(node.register("victim", PASSWORD));
        // a display name that is markup: it must show as text everywhere
        assertThat(node.http().send("PATCH", "/players/me", victim.token(), new JsonObject().put("display_name", XSS),
                java.util.Map.of()).status()).isEqualTo(200);
        try (WsClient ws = WsClient.gateway(node.arena().vertx(), node.arena().port(), victim.token())) {
            ws.welcome();
            WsClient.join(ws, "lobby");
            ws.send(msg("chat.send", "room", "lobby", "message", "hello before", "rid", "a"));
            ws.await("ack");

            Page page = signedIn("/admin", "mod");
            page.getByTestId("player-search").fill("vict");
            page.getByTestId("player-search-go").click();
            assertThat(page.getByTestId("player-name").first()).hasText(XSS);
            page.getByTestId("open-victim").click();
            page.getByTestId("reason").fill("spamming the lobby");
            page.getByTestId("chat-ban").click();
            assertThat(page.getByTestId("action-result")).hasText(Pattern.compile("Chat ban: done"), SOON);
            assertThat(page.getByTestId("chat-status")).hasText(Pattern.compile("banned: spamming the lobby"), SOON);
            assertThat(page.locator("img")).hasCount(0);
            browsers.screenshot(page, "admin");

            // a ban ends the player's sockets at once (4002); reconnected, their next chat message is refused
            assertThat(ws.awaitClose()).isEqualTo((short) 4002);
            try (WsClient again = WsClient.gateway(node.arena().vertx(), node.arena().port(), victim.token())) {
                again.welcome();
                WsClient.join(again, "lobby");
                again.send(msg("chat.send", "room", "lobby", "message", "hello after", "rid", "b"));
                JsonObject refused = again.await("error");
                assertThat(refused.getString("code")).isEqualTo("banned");
                assertThat(refused.getString("rid")).isEqualTo("b");
            }

            // the ban is in the audit log, with who and why
            page.getByTestId("section-audit").click();
            assertThat(page.getByTestId("audit")).containsText("chat.ban");
            assertThat(page.getByTestId("audit")).containsText("spamming the lobby");
            browsers.screenshot(page, "admin-audit");
            browsers.assertClean(page);
            page.context().close();
        }
    }

    @Test
    void aViewerSeesTheAdminPagesButTheServerRefusesEveryAction() {
        node.register("target_of_viewer", PASSWORD);
        Page page = signedIn("/admin", "looker");
        assertThat(page.getByTestId("viewer-note")).isVisible();
        page.getByTestId("player-search").fill("target_of");
        page.getByTestId("player-search-go").click();
        page.getByTestId("open-target_of_viewer").click();
        page.getByTestId("reason").fill("just looking");
        page.getByTestId("chat-ban").click();
        assertThat(page.getByTestId("action-result")).hasText(Pattern.compile("Refused by the server"), SOON);
        page.getByTestId("section-nodes").click();
        assertThat(page.getByTestId("node-list")).containsText(node.arena().config().nodeId());
        browsers.assertClean(page);
        page.context().close();

        String viewer = Player.of(login("looker")).token();
        for (String[] action : ACTIONS) {
            Response r = node.http().send(action[0], action[1], viewer, new JsonObject().put("reason", "r")
                    .put("role", "admin"), java.util.Map.of());
            assertThat(r.status()).as("viewer: %s %s", action[0], action[1]).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(node.http().get("/admin/audit", viewer).status()).as("but reads").isEqualTo(200);
    }

    private static final String SOME = UUID.randomUUID().toString();
    /** Every console action route. */
    private static final String[][] ACTIONS = {
        {"PUT", "/admin/players/" + SOME + "/role"}, {"POST", "/admin/players/" + SOME + "/chat-ban"},
        {"POST", "/admin/players/" + SOME + "/chat-unban"}, {"GET", "/admin/players/" + SOME + "/export"},
        {"DELETE", "/admin/players/" + SOME}, {"POST", "/admin/matches/" + SOME + "/stop"},
        {"POST", "/admin/matchmaking/tickets/" + SOME + "/cancel"}, {"POST", "/admin/jobs/stats/" + SOME + "/retry"},
        {"POST", "/admin/players/" + SOME + "/chat-mute"}, {"POST", "/admin/players/" + SOME + "/revoke-sessions"}};

    @Test
    void forgedConsoleRequestsWithAPlayerTokenAreRefusedWithProblems() {
        String player = Player.of(node.register("forger", PASSWORD)).token();
        List<String[]> all = new ArrayList<>(List.of(ACTIONS));
        for (String read : new String[] {"/admin/players", "/admin/players/" + SOME, "/admin/audit", "/admin/matches",
                "/admin/nodes", "/admin/jobs", "/admin/chat/lobby/messages", "/admin/matchmaking/arena_battle"}) {
            all.add(new String[] {"GET", read});
        }
        for (String[] a : all) {
            Response r = node.http().send(a[0], a[1], player, new JsonObject().put("reason", "r"), java.util.Map.of());
            assertThat(r.status()).as("player: %s %s", a[0], a[1]).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anEndedSessionSendsTheConsoleBackToSignInWithAMessage() {
        Page page = signedIn("/admin", "root");
        assertThat(page.getByTestId("my-role")).hasText("admin");
        // the session ends on the server (as when it expires or is revoked): the next call finds out
        String token = (String) page.evaluate("() => JSON.parse(sessionStorage.getItem("
                + "Object.keys(sessionStorage)[0])).token");
        assertThat(node.http().post("/auth/logout", new JsonObject(), token).status()).isEqualTo(204);
        page.getByTestId("section-audit").click();
        assertThat(page.getByTestId("sign-in-message")).hasText(Pattern.compile("session has ended"), SOON);
        browsers.assertClean(page);
        page.context().close();
    }

    private static JsonObject login(String username) {
        Response r = node.http().post("/auth/login", new JsonObject().put("username", username).put("password", PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }
}
