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
 * percentiles are printed for docs/BENCHMARKS.md.
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
            System.out.printf("arena_battle frame times over %d frames: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms.length, p50, p99, ms[ms.length - 1]);
            assertThat(p50).as("median frame time (ms)").isLessThan(50);
            browsers.assertClean(page);
        } finally {
            sockets.forEach(WsClient::close);
        }
    }
}
