package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.arena.identity.Role;
import dev.arena.testing.Browsers;
import dev.arena.testing.Eventually;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web client end to end in real Chromium: two guests queue for connect_four, are matched, play a whole game
 * by clicking columns while a third page watches, see the right result, and the winner's rating rises on the
 * leaderboard page.
 */
class PlayConnectFourIntegrationTest {
    private static final double LONG = 30_000;
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass(15_000);

    static Page guest(String path) {
        Page page = browsers.open(node, path);
        page.getByTestId("guest-login").click();
        assertThat(page.getByTestId("connection")).hasText("online");
        return page;
    }

    @Test
    void twoGuestsAreMatchedPlayAWholeGameByClickingAndAThirdPageWatchesLive() {
        Page a = guest("/play");
        Page b = guest("/play");
        browsers.screenshot(a, "play-lobby");
        a.getByTestId("queue-connect_four").click();
        assertThat(a.getByTestId("wait-connect_four")).containsText("Searching");
        b.getByTestId("queue-connect_four").click();

        a.waitForURL(Pattern.compile(".*#/game/.+"));
        b.waitForURL(Pattern.compile(".*#/game/.+"));
        String gameId = a.url().replaceAll(".*#/game/", "");
        assertThat(b.url()).endsWith(gameId);

        Page watcher = guest("/play#/watch/" + gameId);
        assertThat(watcher.getByTestId("game-status")).containsText("Spectating");

        // whoever the seed picked moves first; the columns of the other are disabled
        Page first = Eventually.until(() -> col(a, 0).isEnabled() ? a : col(b, 0).isEnabled() ? b : null,
                Objects::nonNull, "one player's turn");
        Page second = first == a ? b : a;
        for (int move = 0; move < 3; move++) {
            drop(first, 0);
            drop(second, 1);
        }
        assertThat(watcher.locator(".c4-board .cell.red, .c4-board .cell.yellow")).hasCount(6);
        browsers.screenshot(first, "play-connect-four");
        col(first, 0).click(); // the fourth in column 0: four in a row

        assertThat(first.getByTestId("game-result")).containsText("win", new LocatorAssertions.ContainsTextOptions().setTimeout(LONG));
        assertThat(second.getByTestId("game-result")).containsText("loss");
        assertThat(watcher.getByTestId("game-result")).containsText("win for");
        assertThat(watcher.locator(".c4-board .cell.win")).hasCount(4);

        // the rating job runs after the game: the result banner shows the change once it has
        assertThat(first.getByTestId("rating-change")).containsText("→", new LocatorAssertions.ContainsTextOptions().setTimeout(LONG));
        assertThat(first.getByTestId("rating-change")).containsText("+");
        browsers.screenshot(first, "play-connect-four-result");

        // the loser watches the replay: seek to the end (seven discs), to the start (none), then play
        second.getByText("Watch the replay").click();
        Locator seek = second.getByTestId("replay-seek");
        assertThat(seek).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));
        seekTo(seek, seek.getAttribute("max"));
        Locator discs = second.locator(".c4-board .cell.red, .c4-board .cell.yellow");
        assertThat(discs).hasCount(7);
        seekTo(seek, "0");
        assertThat(discs).hasCount(0);
        second.getByLabel("Speed").selectOption("8");
        second.getByTestId("replay-play").click();
        assertThat(discs.first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));

        first.navigate(first.url().replaceAll("#.*", "#/leaderboard/connect_four"));
        Locator mine = first.getByTestId("leaderboard-me");
        assertThat(mine).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));
        int rating = Integer.parseInt(mine.locator(".rating").innerText().trim());
        assertThat(rating).as("the winner's rating after one win").isGreaterThan(1500);
        second.navigate(second.url().replaceAll("#.*", "#/leaderboard/connect_four"));
        assertThat(second.getByTestId("leaderboard-me")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));
        int loser = Integer.parseInt(second.getByTestId("leaderboard-me").locator(".rating").innerText().trim());
        assertThat(loser).isLessThan(1500);
        browsers.screenshot(first, "play-leaderboard");

        for (Page p : new Page[] {a, b, watcher}) {
            browsers.assertClean(p);
        }
    }

    @Test
    void aWrongJoinCodeIsShownInWordsAndAPrivateGameShowsItsCode() {
        Page host = guest("/play");
        host.getByTestId("join-code-input").fill("ZZZZZZ");
        host.getByTestId("join-by-code").click();
        assertThat(host.getByTestId("join-code-error")).containsText("Wrong join code");

        host.getByTestId("create-game").click();
        assertThat(host.getByTestId("join-code")).hasText(Pattern.compile("[A-Z2-9]{6}"));
        String code = host.getByTestId("join-code").innerText();

        Page friend = guest("/play");
        friend.getByTestId("join-code-input").fill(code.toLowerCase());
        friend.getByTestId("join-by-code").click();
        friend.waitForURL(Pattern.compile(".*#/game/.+"));
        // both seats taken: a third player with the code is told in words
        Page third = guest("/play");
        third.getByTestId("join-code-input").fill(code);
        third.getByTestId("join-by-code").click();
        assertThat(third.getByTestId("join-code-error")).hasText("That game is full");
        browsers.screenshot(third, "play-join-full");
        friend.getByTestId("ready").click();
        host.getByTestId("ready").click();
        // both ready: the game starts, one of them has the move
        assertThat(host.getByTestId("game-status")).containsText(Pattern.compile("Your turn|to move"));

        // chat beside the game: history for a late page, the filter's masking visible
        host.getByTestId("chat-input").fill("good luck, no shit");
        host.getByTestId("chat-input").press("Enter");
        assertThat(friend.getByTestId("chat-log")).containsText("good luck");
        assertThat(friend.locator("[data-testid=chat-log] mark.masked")).hasText("****");
        browsers.assertClean(host);
        browsers.assertClean(friend);
    }

    @Test
    void tooManyFailedLoginsAreShownInWords() {
        Page page = browsers.open(node, "/play");
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator("#u").fill("nobody" + java.util.UUID.randomUUID().toString().substring(0, 8));
        page.locator("#p").fill("not-the-password");
        Locator error = page.getByTestId("signin-error");
        page.getByTestId("login").click();
        assertThat(error).hasText("Wrong username or password");
        // the throttle locks the name after a few failures: the page says so, not "wrong password" again
        for (int i = 0; i < 8; i++) {
            com.microsoft.playwright.Response r = page.waitForResponse(x -> x.url().endsWith("/auth/login"),
                    () -> page.getByTestId("login").click());
            if (r.status() == 429) {
                break;
            }
        }
        assertThat(error).hasText("Too many failed logins; try again later");
        browsers.screenshot(page, "play-login-throttled");
        browsers.assertClean(page);
    }

    @Test
    void aDroppedConnectionShowsReconnectingAndRecoversByItself() {
        Page page = browsers.open(node, "/play");
        // keep a handle on the page's sockets (Playwright adds the script to documents loaded from now on)
        page.addInitScript("""
                window.__sockets = [];
                const Native = window.WebSocket;
                window.WebSocket = class extends Native {
                  constructor(...args) { super(...args); window.__sockets.push(this); }
                };
                // the banner may show for less than a poll of the assertions: note what it said when it came
                new MutationObserver(() => {
                  const b = document.querySelector('[data-testid=reconnecting]');
                  if (b) window.__banner = b.textContent;
                }).observe(document, { subtree: true, childList: true, characterData: true });""");
        page.reload();
        page.getByTestId("guest-login").click();
        assertThat(page.getByTestId("connection")).hasText("online");

        // a frame above the hard frame limit: the server cuts the connection (1009), as a network drop would
        page.evaluate("() => window.__sockets[window.__sockets.length - 1].send('x'.repeat(70 * 1024))");
        page.waitForFunction("() => window.__banner !== undefined");
        assertThat((String) page.evaluate("() => window.__banner")).contains("reconnecting");
        assertThat(page.getByTestId("connection")).hasText("online");
        assertThat(page.getByTestId("reconnecting")).hasCount(0);
        assertThat(((Number) page.evaluate("() => window.__sockets.length")).intValue()).isGreaterThanOrEqualTo(2);

        // the lobby chat works on the new connection
        page.getByTestId("chat-input").fill("back again");
        page.getByTestId("chat-input").press("Enter");
        assertThat(page.getByTestId("chat-log")).containsText("back again");
        browsers.assertClean(page);
    }

    @Test
    void thePageWithEverythingItLoadsWeighsUnder300Kilobytes() {
        Page page = guest("/play");
        assertThat(page.getByTestId("queue-connect_four")).isVisible();
        // every file the page loaded (HTML, modules, styles, Preact, the SDK) and its API calls, uncompressed
        double bytes = ((Number) page.evaluate("""
                () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                      .reduce((n, e) => n + e.decodedBodySize, 0)""")).doubleValue();
        System.out.printf("/play loaded %.0f bytes%n", bytes);
        assertThat(bytes).isGreaterThan(50_000).isLessThan(300 * 1024);
    }

    @Test
    void aMutedPlayerIsToldSoInWordsNextToTheChat() {
        Page page = guest("/play");
        String playerId = (String) page.evaluate("() => JSON.parse(localStorage.getItem('arena.session')).player.id");
        var mod = dev.arena.testing.Futures.await(node.arena().identity().createPrivileged("mod-" + UUID.randomUUID().toString().substring(0, 8),
                "moderator-password", Role.MODERATOR));
        String token = dev.arena.testing.Futures.await(node.arena().identity().login(mod.username(), "moderator-password", "127.0.0.1")).token();
        Response muted = node.http().post("/chat/mutes", new JsonObject().put("player_id", playerId).put("room", "lobby")
                .put("duration_seconds", 600).put("reason", "cooling off"), token);
        assertThat(muted.status()).as("%s", muted).isEqualTo(201);

        page.getByTestId("chat-input").fill("hello?");
        page.getByTestId("chat-input").press("Enter");
        assertThat(page.getByTestId("chat-error")).containsText("You are muted here");
        assertThat(page.getByTestId("chat-error")).containsText("cooling off");
        browsers.assertClean(page);
    }

    /** Moves a range input as a drag would: its value, then an input event (Playwright cannot fill ranges). */
    private static void seekTo(Locator range, String value) {
        range.evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }", value);
    }

    private static Locator col(Page page, int column) {
        return page.getByTestId("c4-col-" + column);
    }

    /** Drops a disc and waits until this page has seen its turn end (so the next click is never early). */
    private static void drop(Page page, int column) {
        col(page, column).click();
        assertThat(col(page, column)).isDisabled();
    }
}
