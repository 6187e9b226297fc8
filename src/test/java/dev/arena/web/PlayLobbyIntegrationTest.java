package dev.arena.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.arena.identity.AuthResult;
import dev.arena.testing.Browsers;
import dev.arena.testing.Eventually;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lobby and the profile page in real Chromium: a matchmade match listed under "Live now" and watched from there,
 * a match started by test players pushed into an open page's "Live now" (and out when it ends) with no request,
 * a party made by searching a name, accepted in another browser and queued together, and a profile with the
 * rating per mode and recent games linking their replays; a party too big for a queue's teams sees that queue's
 * button disabled with the reason in words. arena_battle is queued 2v2 here, so a party of two fits
 * one team (the default 1v1 queues take no parties of two).
 */
class PlayLobbyIntegrationTest {
    private static final double LONG = 30_000;
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_MM_QUEUES", "arena_battle=2v2,connect_four=1v1"));
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass(15_000);

    static Page guest(String path) {
        Page page = browsers.open(node, path);
        page.getByTestId("guest-login").click();
        assertThat(page.getByTestId("connection")).hasText("online");
        return page;
    }

    static String session(Page page, String field) {
        return (String) page.evaluate("f => { const s = JSON.parse(localStorage.getItem('arena.session'));"
                + " return f === 'id' ? s.player.id : f === 'name' ? s.player.display_name : s.token; }", field);
    }

    @Test
    void aCrowdsPresenceDiffThatOmitsNamesBringsAFreshPageOfTheLobbysMembers() {
        Page page = guest("/play");
        Locator chat = page.locator("section.chat[aria-label^='Lobby chat']");
        assertThat(chat).isVisible();
        List<WsClient> crowd = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 25; i++) {
                WsClient c = node.socket(node.player());
                crowd.add(c);
                WsClient.join(c, "lobby");
            }
            // the joins wait for the room's next diff, judged by the node's clock (the first of them goes out at
            // once unless the page's own join was within the interval): it names 20 and counts the other 4 or 5,
            // and the page must ask for the members again
            node.clock().advance(java.time.Duration.ofSeconds(1));
            JsonObject diff = crowd.get(0).await(o -> "presence.diff".equals(o.getString("type"))
                    && o.getInteger("omitted_joins", 0) > 0, "a diff that omits joins");
            assertThat(diff.getInteger("omitted_joins")).isBetween(4, 5);
            crowd.get(0).send(WsClient.msg("presence.list", "room", "lobby", "limit", 1000, "rid", "all"));
            JsonObject all = crowd.get(0).await(o -> "presence.list".equals(o.getString("type")), "presence.list");
            long users = all.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("user_id"))
                    .distinct().count();
            assertThat(chat).hasAttribute("aria-label", "Lobby chat · " + users + " online");
            browsers.assertClean(page);
        } finally {
            crowd.forEach(WsClient::close);
        }
    }

    @Test
    void aMatchmadeMatchIsListedLiveInTheLobbyAndCanBeWatchedFromThere() {
        Page watcher = guest("/play");
        assertThat(watcher.getByTestId("no-live-matches")).isVisible();
        browsers.screenshot(watcher, "play-lobby-empty");
        Page a = guest("/play");
        Page b = guest("/play");
        a.getByTestId("queue-connect_four").click();
        b.getByTestId("queue-connect_four").click();
        a.waitForURL(Pattern.compile(".*#/game/.+"));
        String gameId = a.url().replaceAll(".*#/game/", "");

        // a matchmade game is private to the lobby's open list, yet anyone may watch it: it is listed under "Live now"
        Locator row = watcher.getByTestId("live-" + gameId);
        assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));
        assertThat(row).containsText("Connect Four");
        assertThat(row).containsText(session(a, "name"));
        assertThat(row).containsText(session(b, "name"));
        browsers.screenshot(watcher, "play-lobby-live");
        watcher.getByTestId("watch-" + gameId).click();
        watcher.waitForURL(Pattern.compile(".*#/watch/" + gameId));
        assertThat(watcher.getByTestId("game-status")).containsText("Spectating");
        assertThat(watcher.locator(".c4-board")).isVisible();
        for (Page p : new Page[] {a, b, watcher}) {
            browsers.assertClean(p);
        }
    }

    @Test
    void aMatchStartedByTestPlayersAppearsUnderLiveNowWithoutAReloadAndGoesWhenItEnds() {
        Page watcher = guest("/play");
        assertThat(watcher.getByTestId("open-games").or(watcher.getByText("No open games right now"))).isVisible();
        // from here on the page must not read the list again: the lobby topic pushes it
        List<String> reads = new CopyOnWriteArrayList<>();
        watcher.onRequest(r -> {
            if (r.url().contains("/games?") || r.url().endsWith("/games")) {
                reads.add(r.url());
            }
        });
        Object before = watcher.evaluate("() => performance.timeOrigin");

        AuthResult hostAuth = dev.arena.testing.Futures.await(node.arena().identity().guest("d-" + UUID.randomUUID()));
        AuthResult rivalAuth = dev.arena.testing.Futures.await(node.arena().identity().guest("d-" + UUID.randomUUID()));
        Player host = Player.of(hostAuth);
        Player rival = Player.of(rivalAuth);
        String hostName = hostAuth.player().displayName();
        String rivalName = rivalAuth.player().displayName();
        Response created = node.http().post("/games/create", new JsonObject().put("mode", "connect_four"), host.token());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String game = created.json().getString("game_id");
        Locator open = watcher.getByTestId("open-games").locator("tr", new Locator.LocatorOptions().setHasText(hostName));
        assertThat(open).hasCount(1);
        assertThat(node.http().post("/games/" + game + "/join", new JsonObject(), rival.token()).status()).isEqualTo(200);
        assertThat(node.http().post("/games/" + game + "/start", new JsonObject().put("force", true), host.token())
                .status()).isEqualTo(200);

        // pushed: well within the old 5 s poll, and with no request
        Locator row = watcher.getByTestId("live-" + game);
        assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(4_000));
        assertThat(row).containsText("Connect Four");
        assertThat(row).containsText(hostName);
        assertThat(row).containsText(rivalName);
        assertThat(open).hasCount(0);
        browsers.screenshot(watcher, "play-lobby-live-pushed");

        // a socket spectating is counted on the entry (pushed: the live list's one update a second is driven by the
        // node's clock), and uncounted when it closes
        Locator watching = watcher.getByTestId("watchers-" + game);
        assertThat(watching).hasText("");
        try (WsClient spectator = node.socket(node.player())) {
            spectator.send(WsClient.msg("match.spectate", "game_id", game));
            assertThat(spectator.await("match.state").getInteger("spectators")).isEqualTo(1);
            node.clock().advance(dev.arena.lobby.LobbyTracker.LIVE_UPDATE_INTERVAL);
            assertThat(watching).hasText("1 watching", new LocatorAssertions.HasTextOptions().setTimeout(4_000));
            browsers.screenshot(watcher, "play-lobby-live-watching");
        }
        Eventually.until(() -> node.http().get("/games?status=running&watchable=true", host.token()).json()
                .getJsonArray("games").stream().map(g -> (JsonObject) g).filter(g -> game.equals(g.getString("game_id")))
                .findFirst().orElseThrow().getInteger("spectators"), n -> n == 0, "the spectator gone");
        node.clock().advance(dev.arena.lobby.LobbyTracker.LIVE_UPDATE_INTERVAL);
        assertThat(watching).hasText("", new LocatorAssertions.HasTextOptions().setTimeout(4_000));

        assertThat(node.http().post("/games/" + game + "/leave", new JsonObject(), rival.token()).status())
                .isEqualTo(200);
        assertThat(row).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(4_000));
        assertThat(watcher.evaluate("() => performance.timeOrigin")).as("no reload").isEqualTo(before);
        assertThat(reads).as("list reads after the page loaded").isEmpty();
        browsers.assertClean(watcher);
    }

    @Test
    void aPlayerInvitedByNameAcceptsInAnotherBrowserAndThePartyIsMatchedTogether() {
        Page leader = guest("/play");
        Page friend = guest("/play");
        String friendName = session(friend, "name");
        String friendId = session(friend, "id");

        // suggestions as you type, from the player search: the friend is found by the start of the name
        leader.getByTestId("invite-name").fill(friendName.substring(0, friendName.length() - 2).toLowerCase());
        Locator suggestion = leader.getByTestId("invite-suggestion").filter(new Locator.FilterOptions()
                .setHasText(friendName));
        assertThat(suggestion).hasCount(1);
        browsers.screenshot(leader, "play-party-suggestions");
        suggestion.click();
        assertThat(leader.locator(".party-card")).containsText(friendName + " (invited)");

        Locator accept = friend.getByTestId("accept-invite");
        assertThat(accept).isVisible();
        assertThat(friend.locator(".party-card .invite")).containsText(session(leader, "name") + " invites you");
        accept.click();
        assertThat(leader.getByTestId("queue-arena_battle")).hasText("Queue with party (2)");
        // the page knows the queues' team sizes: a party of two does not fit the 1v1 queue, and says so in words
        assertThat(leader.locator(".queue", new Page.LocatorOptions().setHas(leader.getByTestId("queue-arena_battle"))))
                .containsText("2v2");
        assertThat(leader.getByTestId("queue-connect_four")).isDisabled();
        assertThat(leader.getByTestId("queue-connect_four")).hasText("Party too big for 1v1");
        assertThat(leader.getByTestId("unfit-connect_four")).containsText("Your party of 2 does not fit");
        assertThat(leader.getByTestId("unfit-connect_four")).containsText("1v1");
        assertThat(leader.getByTestId("queue-arena_battle")).isEnabled();
        assertThat(leader.getByTestId("unfit-arena_battle")).hasCount(0);
        assertThat(friend.getByTestId("queue-connect_four")).isEnabled();
        assertThat(friend.locator(".party-card")).containsText("Your leader queues for the party");
        browsers.screenshot(leader, "play-party");

        // the party is one ticket; two more players fill the other team of the 2v2
        leader.getByTestId("queue-arena_battle").click();
        assertThat(leader.getByTestId("wait-arena_battle")).containsText("Searching");
        try (WsClient c = WsClient.gateway(node.arena().vertx(), node.arena().port(), guestToken());
             WsClient d = WsClient.gateway(node.arena().vertx(), node.arena().port(), guestToken())) {
            for (WsClient s : new WsClient[] {c, d}) {
                s.send(WsClient.msg("mm.enqueue", "rid", "q", "mode", "arena_battle", "properties",
                        new JsonObject().put("region", "eu")));
                s.await("mm.ticket");
            }
            leader.waitForURL(Pattern.compile(".*#/game/.+"));
            friend.waitForURL(Pattern.compile(".*#/game/.+"));
            String game = leader.url().replaceAll(".*#/game/", "");
            assertThat(friend.url()).endsWith(game);
            JsonObject matched = c.await("mm.matched");
            assertThat(matched.getString("game_id")).isEqualTo(game);
            assertThat(matched.getJsonArray("players").getList()).contains(friendId, session(leader, "id"));
        }
        browsers.assertClean(leader);
        browsers.assertClean(friend);
    }

    @Test
    void theProfileShowsTheRatingPerModeAndRecentGamesWithTheirReplays() {
        Page page = guest("/play#/profile");
        assertThat(page.getByTestId("profile")).containsText("No rated games yet");
        assertThat(page.getByTestId("profile")).containsText("No games yet");
        browsers.screenshot(page, "play-profile-empty");

        // the page's player plays a connect_four game against another, over sockets: red (who moves first) wins
        String token = session(page, "token");
        String rival = guestToken();
        Response created = node.http().post("/games/create", new JsonObject().put("mode", "connect_four"), token);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String game = created.json().getString("game_id");
        assertThat(node.http().post("/games/" + game + "/join", new JsonObject(), rival).status()).isEqualTo(200);
        Response started = node.http().post("/games/" + game + "/start", new JsonObject().put("force", true), token);
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        boolean meFirst = started.json().getJsonObject("state").getString("to_move").equals(session(page, "id"));
        try (WsClient mine = WsClient.gateway(node.arena().vertx(), node.arena().port(), token);
             WsClient theirs = WsClient.gateway(node.arena().vertx(), node.arena().port(), rival)) {
            WsClient red = meFirst ? mine : theirs;
            WsClient yellow = meFirst ? theirs : mine;
            for (WsClient c : new WsClient[] {red, yellow}) {
                c.send(WsClient.msg("match.join", "game_id", game));
                c.await("match.state");
            }
            for (int move = 0; move < 7; move++) {
                boolean redTurn = move % 2 == 0;
                (redTurn ? red : yellow).send(WsClient.msg("match.input", "game_id", game, "input",
                        new JsonObject().put("type", "drop").put("column", redTurn ? 0 : 1)));
                red.await(f -> "match.event".equals(f.getString("type")) && f.encode().contains("\"disc\""),
                        "disc " + move);
            }
            red.await("match.end");
        }

        // the rating job runs after the game: the page shows the profile as it is when it loads
        Eventually.until(() -> node.http().get("/players/" + session(page, "id") + "/profile", token).json(),
                p -> !p.getJsonObject("stats").getJsonArray("ratings").isEmpty(), "the rating after the game");
        page.reload();
        Locator rating = page.getByTestId("rating-connect_four");
        assertThat(rating).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));
        assertThat(page.getByTestId("profile")).containsText("Connect Four");
        Locator replay = page.locator("[data-testid=profile] a[href='#/replay/" + game + "']");
        assertThat(replay).hasCount(1);
        browsers.screenshot(page, "play-profile");
        replay.click();
        assertThat(page.getByTestId("replay-seek"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(LONG));
        browsers.assertClean(page);
    }

    private static String guestToken() {
        return dev.arena.testing.Futures.await(node.arena().identity().guest("device-" + java.util.UUID.randomUUID()))
                .token();
    }
}
