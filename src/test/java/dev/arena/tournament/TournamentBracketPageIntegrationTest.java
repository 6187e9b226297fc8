package dev.arena.tournament;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import dev.arena.tournament.TournamentDriver.Player;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web client's live bracket: an eight-player single-elimination event played by test players advances in a
 * watching browser page round by round, without a reload (the page keeps a mark set before the first result); so do
 * a double-elimination bracket, a round-robin table and Swiss standings.
 */
class TournamentBracketPageIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static final TournamentDriver d = TournamentDriver.on(node);
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass(15_000);

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
        for (JsonObject g : d.openMatches(id)) {
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

    /** A four-player event of {@code format}, registered, and a guest's page watching it; started by the test. */
    private static String event(String format, Player organiser, List<Player> players) {
        JsonObject body = new JsonObject().put("name", "Formats " + format).put("format", format)
                .put("max_players", players.size());
        if (format.equals("swiss")) {
            body.put("rounds", 2);
        }
        String id = d.create(organiser, body);
        d.registerAll(id, players);
        return id;
    }

    private static Page watch(String id) {
        Page page = browsers.open(node, "/play#/tournament/" + id);
        page.getByTestId("guest-login").click();
        assertThat(page.getByTestId("tournament-status")).hasText("registering");
        return page;
    }

    @Test
    void aDoubleEliminationBracketFillsItsLosersSideAndCrownsTheChampionWithoutAReload() {
        Player organiser = d.player();
        List<Player> players = d.players(4);
        String id = event("double_elimination", organiser, players);
        Page page = watch(id);
        d.start(id, organiser);
        assertThat(page.getByTestId("pairing-W1-1")).hasAttribute("data-state", "ready");
        assertThat(page.getByTestId("pairing-L1-1")).hasAttribute("data-state", "pending");
        page.evaluate("() => { window.__sameDocument = true; }");

        for (JsonObject g : d.openMatches(id)) {
            d.finish(g, TournamentDriver.home(g));
        }
        // both first-round losers drop into the losers bracket and meet there
        assertThat(page.getByTestId("pairing-W1-2")).hasAttribute("data-state", "decided");
        assertThat(page.getByTestId("pairing-L1-1")).hasAttribute("data-state", "ready");
        assertThat(page.locator("[data-testid=pairing-L1-1] .b-slot.tbd")).hasCount(0);
        browsers.screenshot(page, "play-bracket-double");

        d.playOut(id);
        assertThat(page.getByTestId("tournament-status")).hasText("completed");
        assertThat(page.getByTestId("pairing-GF1")).hasAttribute("data-state", "decided");
        assertThat(page.getByTestId("champion")).isVisible();
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        browsers.screenshot(page, "play-bracket-double-final");
        browsers.assertClean(page);
    }

    @Test
    void aRoundRobinTableFillsItsCellsAndPointsAsResultsLand() {
        Player organiser = d.player();
        List<Player> players = d.players(4);
        String id = event("round_robin", organiser, players);
        Page page = watch(id);
        d.start(id, organiser);
        assertThat(page.locator(".rr-row")).hasCount(4);
        assertThat(page.locator(".rr-cell.win")).hasCount(0);
        page.evaluate("() => { window.__sameDocument = true; }");

        JsonObject first = d.openMatches(id).getFirst();
        UUID winner = TournamentDriver.home(first);
        d.finish(first, winner);
        assertThat(page.locator(".rr-cell.win")).hasCount(1);
        assertThat(page.locator(".rr-cell.loss")).hasCount(1);
        assertThat(page.locator("[data-testid=standing-" + winner + "] .rr-points"))
                .hasText(Pattern.compile("[1-9].*"));

        d.playOut(id);
        // six games: every cell off the diagonal holds a result
        assertThat(page.locator(".rr-cell.win")).hasCount(6);
        assertThat(page.locator(".rr-cell.loss")).hasCount(6);
        assertThat(page.getByTestId("tournament-status")).hasText("completed");
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        browsers.screenshot(page, "play-bracket-round-robin");
        browsers.assertClean(page);
    }

    @Test
    void swissStandingsAndTheNextRoundAppearAsResultsLand() {
        Player organiser = d.player();
        List<Player> players = d.players(4);
        String id = event("swiss", organiser, players);
        Page page = watch(id);
        d.start(id, organiser);
        assertThat(page.getByTestId("pairing-S1-1")).hasAttribute("data-state", "ready");
        assertThat(page.getByTestId("pairing-S2-1")).hasCount(0);
        page.evaluate("() => { window.__sameDocument = true; }");

        List<UUID> winners = new java.util.ArrayList<>();
        for (JsonObject g : d.openMatches(id)) {
            winners.add(TournamentDriver.home(g));
            d.finish(g, TournamentDriver.home(g));
        }
        // round two is paired by the standings and drawn without a reload; the winners lead with their points
        assertThat(page.getByTestId("pairing-S2-1")).hasAttribute("data-state", "ready");
        for (UUID w : winners) {
            assertThat(page.locator("[data-testid=standing-" + w + "] .swiss-points")).not().hasText("0");
        }
        browsers.screenshot(page, "play-bracket-swiss");

        d.playOut(id);
        assertThat(page.getByTestId("tournament-status")).hasText("completed");
        assertThat(page.locator("[data-testid^=standing-]")).hasCount(4);
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        browsers.assertClean(page);
    }
}
