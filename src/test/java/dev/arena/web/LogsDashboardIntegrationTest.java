package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.arena.identity.Role;
import dev.arena.logs.LogFixtures;
import dev.arena.testing.Browsers;
import dev.arena.testing.Eventually;
import dev.arena.testing.Futures;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's game-log panel in real Chromium: a running and a finished ingest, and the event types. */
class LogsDashboardIntegrationTest {
    private static final String PASSWORD = "correct-horse-9";
    private static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(15_000);
    private static TestNode node;
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();

    @BeforeAll
    static void start() {
        node = TestNode.start(LogsDashboardIntegrationTest.class, Map.of("ARENA_LOG_BATCH", "500"));
        Futures.await(node.arena().identity().createPrivileged("root", PASSWORD, Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /**
     * 300 ambushes, 200 revives of value 5, 100 taunts (types the generated file has not), and 2 bad lines; timed in
     * the last hour (real time, as the page asks for the last 30 days by the browser's clock).
     */
    private static byte[] recentFile() {
        StringBuilder b = new StringBuilder();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
        String[][] kinds = {{"ambush", "300", "1"}, {"revive", "200", "5"}, {"taunt", "100", "1"}};
        int n = 0;
        for (String[] k : kinds) {
            for (int i = 0; i < Integer.parseInt(k[1]); i++, n++) {
                b.append("{\"ts\":\"").append(at.plusSeconds(n % 600)).append("\",\"game_id\":\"g-").append(n % 7)
                        .append("\",\"mode\":\"arena_battle\",\"player_id\":\"p-").append(n % 11).append("\",\"type\":\"")
                        .append(k[0]).append("\",\"value\":").append(k[2]).append("}\n");
            }
        }
        b.append("not json\n{\"ts\":\"yesterday\"}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePanelShowsRunningAndFinishedIngestsAndTheEventTypes() throws Exception {
        String ingest = LogFixtures.ingestToken(node, Role.INGEST);
        Response done = LogFixtures.upload(node, ingest, "", recentFile(), Map.of("Idempotency-Key", "recent"));
        assertThat(done.status()).as("%s", done).isEqualTo(201);
        byte[] big = LogFixtures.generate(6_000, 30, 8, 3, 0);
        try (Socket upload = LogFixtures.partialUpload(node, ingest, "half-sent", big, big.length / 2)) {
            // the first 2,500 lines (five full batches of 500, committed as the stalled upload's commit groups age
            // by the node's clock): about 415 of each generated type, more than the
            // 300 ambushes, so the page's eight types are known
            Eventually.until(() -> LogFixtures.jobOfStalled(node, ingest, "half-sent"),
                    j -> j != null && j.getLong("lines") >= 2_500, "the half-sent file's full batches committed");
            Page page = browsers.open(node, "/dashboard");
            page.getByTestId("username").fill("root");
            page.getByTestId("password").fill(PASSWORD);
            page.getByTestId("sign-in-submit").click();

            assertThat(page.getByTestId("log-running")).hasText("1", SOON);
            assertThat(page.getByTestId("log-job-running")).hasCount(1);
            assertThat(page.getByTestId("log-job-done").getByTestId("log-bad")).hasText("2", SOON);
            assertThat(page.getByTestId("log-job-done").getByTestId("log-eps")).not().hasText("–");
            assertThat(page.getByTestId("log-type-ambush")).containsText("300", new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(15_000));
            assertThat(page.getByTestId("log-type-revive")).containsText(Pattern.compile("200\\s*1,000"));
            // eight types at most, the most frequent: the generated file's six, ambush and revive; not taunt
            assertThat(page.getByTestId("log-types").locator("tbody tr")).hasCount(8);
            assertThat(page.getByTestId("log-type-taunt")).hasCount(0);
            // the database panel counts in words: "1 request waiting", never "1 requests waiting"
            assertThat(page.locator("#s-db")).hasText(Pattern.compile("^(1 request|(?!1 )[\\d,]+ requests) waiting$"));
            assertThat(page.evaluate("async () => { const ui = await import('/assets/console/ui.js');"
                    + " return [0, 1, 2].map((n) => ui.count(n, 'request')).join('|'); }"))
                    .isEqualTo("0 requests|1 request|2 requests");
            browsers.screenshot(page, "dashboard-logs");
            browsers.assertClean(page);
            page.context().close();
        }
    }

    @Test
    void aPlayerSeesTheEventTypesButNotTheJobs() {
        node.register("just_a_player", PASSWORD);
        Page page = browsers.open(node, "/dashboard");
        page.getByTestId("username").fill("just_a_player");
        page.getByTestId("password").fill(PASSWORD);
        page.getByTestId("sign-in-submit").click();
        assertThat(page.getByTestId("log-jobs")).containsText("shown to admins and ingest accounts",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(page.getByTestId("log-types")).isVisible();
        page.context().close();
    }
}
