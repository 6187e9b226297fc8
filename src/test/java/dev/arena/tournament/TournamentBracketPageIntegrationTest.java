package dev.arena.tournament;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import dev.arena.tournament.TournamentDriver.Player;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web client's live bracket: an eight-player single-elimination event played by test players advances in a
 * watching browser page round by round, without a reload (the page keeps a mark set before the first result).
 */
class TournamentBracketPageIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static TournamentDriver d;
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();

    @BeforeAll
    static void start() {
        d = new TournamentDriver(node.testNode());
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Test
    void anEightPlayerSingleEliminationBracketAdvancesInAWatchingPageWithoutAReload() {
        Player organiser = d.player();
        List<Player> players = d.players(8);
        String id = d.create(organiser, new JsonObject().put("name", "Friday Cup").put("format", "single_elimination")
                .put("max_players", 8));
        d.registerAll(id, players);

        Page page = browsers.open(node, "/play#/tournament/" + id);
        page.getByTestId("guest-login").click();
        assertThat(page.getByTestId("tournament-status")).hasText("registering");
        d.start(id, organiser);
        assertThat(page.getByTestId("tournament-status")).hasText("running");
        assertThat(page.getByTestId("pairing-W1-1")).hasAttribute("data-state", "ready");
        assertThat(page.getByTestId("pairing-W3-1")).hasAttribute("data-state", "pending");
        page.evaluate("() => { window.__sameDocument = true; }");

        // round 1: the home side wins each game
        for (JsonObject g : d.openGames(id)) {
            d.finish(g, TournamentDriver.home(g));
        }
        for (int t = 1; t <= 4; t++) {
            assertThat(page.getByTestId("pairing-W1-" + t)).hasAttribute("data-state", "decided");
        }
        assertThat(page.getByTestId("pairing-W2-1")).hasAttribute("data-state", "ready");
        assertThat(page.locator("[data-testid=pairing-W1-1] .b-slot.won")).hasCount(1);
        browsers.screenshot(page, "play-bracket");

        // the rest: semi-finals, then the final
        d.playOut(id);
        assertThat(page.getByTestId("pairing-W3-1")).hasAttribute("data-state", "decided");
        assertThat(page.getByTestId("tournament-status")).hasText("completed");
        String champion = d.bracket(id).getJsonArray("rounds").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getInteger("round") == 3).findFirst().orElseThrow().getJsonArray("pairings")
                .getJsonObject(0).getString("winner");
        String name = d.ok(d.get("/players/" + champion), 200).getString("display_name");
        String shown = name.substring(0, Math.min(name.length(), 15));
        assertThat(page.locator("[data-testid=pairing-W3-1] .b-slot.won")).containsText(shown);
        assertThat(page.getByTestId("champion")).containsText(shown);
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        browsers.screenshot(page, "play-bracket-final");

        // the other formats' renderers, on made-up data (to look at)
        page.navigate(page.url().replaceAll("#.*", "#/fixtures"));
        assertThat(page.getByTestId("bracket")).hasCount(4);
        browsers.screenshot(page, "play-bracket-formats");
        browsers.assertClean(page);
    }
}
