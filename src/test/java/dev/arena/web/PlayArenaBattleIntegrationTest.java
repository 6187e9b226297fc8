package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * arena_battle in the browser with eight fighters moving and blasting: the page draws every display frame from
 * the interpolated model, and the frame times (requestAnimationFrame deltas) are measured over 600 frames. The
 * percentiles and the mean rate are printed as one {@code FRAME_TIMES key=value ...} line for docs/BENCHMARKS.md.
 */
class PlayArenaBattleIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass(15_000);

    @Test
    void eightFightersAreDrawnEveryFrameAndTheFrameTimesAreMeasured() {
        List<Player> bots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bots.add(Player.of(dev.arena.testing.Futures.await(node.arena().identity().guest("bot-" + UUID.randomUUID()))));
        }
        Response created = node.http().post("/games/create",
                new JsonObject().put("mode", "arena_battle").put("max_players", 8), bots.get(0).token());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String gameId = created.json().getString("game_id");
        List<WsClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < bots.size(); i++) {
                if (i > 0) {
                    assertThat(node.http().post("/games/" + gameId + "/join", new JsonObject(), bots.get(i).token())
                            .status()).isEqualTo(200);
                }
                WsClient ws = WsClient.gateway(node.vertx(), node.arena().port(), bots.get(i).token());
                ws.welcome();
                ws.send(WsClient.msg("match.join", "rid", 1, "game_id", gameId));
                ws.await("match.state");
                sockets.add(ws);
            }
            Page page = browsers.open(node, "/play#/watch/" + gameId);
            page.getByTestId("guest-login").click();
            assertThat(page.locator(".game-side .players li")).hasCount(8);

            for (Player bot : bots) {
                node.http().post("/games/" + gameId + "/ready", new JsonObject().put("ready", true), bot.token());
            }
            assertThat(page.getByTestId("game-status")).containsText("Running");
            // the bots wander and blast, so every tick carries movement and now and then an effect
            Random random = new Random(7);
            long timer = node.vertx().setPeriodic(400, t -> {
                for (int i = 0; i < sockets.size(); i++) {
                    double a = random.nextDouble() * Math.PI * 2;
                    JsonObject input = random.nextInt(12) == 0 ? new JsonObject().put("type", "blast")
                            : new JsonObject().put("type", "move").put("dx", (int) Math.round(Math.cos(a) * 7))
                                    .put("dy", (int) Math.round(Math.sin(a) * 7));
                    sockets.get(i).send(WsClient.msg("match.input", "game_id", gameId, "input", input));
                }
            });
            try {
                page.evaluate("() => { window.__arenaFrames.length = 0; }");
                page.waitForFunction("() => window.__arenaFrames.length >= 600",
                        null, new Page.WaitForFunctionOptions().setTimeout(60_000));
                browsers.screenshot(page, "play-arena-battle");
            } finally {
                node.vertx().cancelTimer(timer);
            }
            assertThat(page.locator(".game-side .players li")).hasCount(8);
            @SuppressWarnings("unchecked")
            List<Number> raw = (List<Number>) page.evaluate("() => window.__arenaFrames.slice(0, 600)");
            double[] ms = raw.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            double p50 = ms[(int) (ms.length * 0.50)];
            double p99 = ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)];
            double total = 0;
            for (double m : ms) {
                total += m;
            }
            // one line, key=value, for docs/BENCHMARKS.md: grep '^FRAME_TIMES' in the test's output
            System.out.println(frameTimesLine(ms.length, p50, p99, ms[ms.length - 1], 1000.0 * ms.length / total));
            assertThat(p50).as("median frame time (ms)").isLessThan(50);
            browsers.assertClean(page);
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    /** {@code FRAME_TIMES game=arena_battle players=8 frames=600 p50_ms=16.7 p99_ms=33.4 max_ms=50.0 fps=59.8}. */
    static String frameTimesLine(int frames, double p50, double p99, double max, double fps) {
        return String.format(java.util.Locale.ROOT,
                "FRAME_TIMES game=arena_battle players=8 frames=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f fps=%.1f",
                frames, p50, p99, max, fps);
    }
}
