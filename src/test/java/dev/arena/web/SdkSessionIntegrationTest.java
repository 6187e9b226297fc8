package dev.arena.web;

import static dev.arena.web.SdkIntegrationTest.list;
import static dev.arena.web.SdkIntegrationTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's session in Chromium: access tokens of one minute, expired by moving the node's clock (the server's
 * view) or the page's clock (the SDK's own timer), refreshed by the SDK without the page noticing.
 */
class SdkSessionIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_TOKEN_TTL", "60s", "ARENA_WS_BURST", "100000",
            // the tests move the clock minutes ahead: the idle sweep must not close the sockets they use
            "ARENA_HTTP_IDLE_TIMEOUT", "1h"));
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();
    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.open(node, "/");
    }

    @AfterEach
    void clean() {
        browsers.assertClean(page);
        page.context().close();
    }

    private void harness() {
        assertThat(page.evaluate(resource("/web-test/sdk-harness.js"))).isEqualTo(true);
        // every HTTP call of the client under test, with its answer
        page.evaluate("""
                () => {
                  window.calls = [];
                  window.recording = (url, init) => fetch(url, init).then((r) => {
                    calls.push((init && init.method || 'GET') + ' ' + new URL(url).pathname + ' ' + r.status);
                    return r;
                  });
                }
                """);
    }

    @Test
    void aTokenTheServerCallsExpiredIsRefreshedOnceAfterThe401AndTheCallRetried() {
        harness();
        page.evaluate("""
                async () => {
                  window.a = t.client({ fetch: recording });
                  await a.auth.guest(t.device());
                  window.first = { ...a.session };
                  calls.length = 0;
                }
                """);
        node.clock().advance(Duration.ofMinutes(2)); // the server now refuses the token; the page's clock has not moved

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const me = await a.players.me();
                  return { same: me.id === first.player.id, changed: a.session.token !== first.token,
                    rotated: a.session.refresh_token !== first.refresh_token, calls };
                }
                """);
        assertThat(r).containsEntry("same", true).containsEntry("changed", true).containsEntry("rotated", true);
        assertThat(list(r.get("calls"))).containsExactly("GET /players/me 401", "POST /auth/refresh 200",
                "GET /players/me 200");
    }

    @Test
    void theSocketReconnectsWithAFreshTokenAndKeepsItsRooms() {
        harness();
        page.evaluate("""
                async () => {
                  window.a = t.client({ fetch: recording });
                  await a.auth.guest(t.device());
                  window.first = a.session.token;
                  window.sock = await a.connect();
                  window.room = 'fresh-' + crypto.randomUUID().slice(0, 8);
                  window.got = [];
                  sock.on('room.message', (m) => got.push(m.data));
                  await a.rooms.join(room);
                  await a.rooms.send(room, 'before');
                }
                """);
        node.clock().advance(Duration.ofMinutes(2)); // the token of the open socket has expired

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  calls.length = 0;
                  t.sockets[t.sockets.length - 1].send('x'.repeat(70 * 1024)); // the server closes it (1009)
                  await t.waitFor(() => sock.state === 'reconnecting', 'the drop');
                  await t.waitFor(() => sock.state === 'open', 'the reconnect');
                  await a.rooms.send(room, 'after');
                  await t.waitFor(() => got.length === 2, 'both messages');
                  const url = new URL(t.sockets[t.sockets.length - 1].url);
                  return { sockets: t.sockets.length, got, calls, tokenOfNewSocket: url.searchParams.get('token'),
                    token: a.session.token, changed: a.session.token !== first };
                }
                """);
        assertThat(list(r.get("calls"))).as("one refresh, before the reconnect").containsExactly("POST /auth/refresh 200");
        assertThat(r).containsEntry("sockets", 2).containsEntry("changed", true);
        assertThat(r.get("tokenOfNewSocket")).isEqualTo(r.get("token"));
        assertThat(list(r.get("got"))).containsExactly("before", "after");
    }

    @Test
    void signingOutClosesTheSocketAndSigningInAgainReopensTheSameOneWithItsListeners() {
        harness();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const a = t.client();
                  const sessions = [];
                  a.onSession((s) => sessions.push(s ? 'in' : 'out'));
                  await a.auth.guest(t.device());
                  const sock = await a.connect();
                  const states = [];
                  sock.on('state', (s) => states.push(s));
                  await a.auth.logout();
                  const afterLogout = sock.state;
                  const refused = await t.failure(a.players.me());
                  await a.auth.guest(t.device());
                  const again = await a.connect();
                  const pong = await again.request('ping', {});
                  return { same: again === sock, afterLogout, refused: refused && refused.code, states, sessions,
                    pong: pong.type };
                }
                """);
        assertThat(r).containsEntry("same", true).containsEntry("afterLogout", "closed")
                .containsEntry("refused", "unauthorized").containsEntry("pong", "pong");
        assertThat(list(r.get("states"))).containsExactly("closed", "connecting", "open");
        assertThat(list(r.get("sessions"))).containsExactly("in", "out", "in");
    }

    @Test
    void theTokenIsRefreshedBeforeItExpiresWithNoCallFailing() {
        page.clock().install();
        page.reload(); // the page's timers are the fake clock's from here on
        harness();
        page.evaluate("""
                async () => {
                  window.a = t.client({ fetch: recording });
                  window.changes = [];
                  a.onSession((s) => changes.push(s && s.token));
                  await a.auth.guest(t.device());
                  window.first = a.session.token;
                  calls.length = 0;
                }
                """);
        // 50 s later, by both clocks: ten seconds before the token expires
        node.clock().advance(Duration.ofSeconds(50));
        page.clock().runFor(50_000);

        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  await t.waitFor(() => a.session.token !== first, 'the refresh');
                  await a.players.me();
                  return { calls, changes: changes.length, left: a.session.expires_at - Date.now() };
                }
                """);
        assertThat(list(r.get("calls"))).containsExactly("POST /auth/refresh 200", "GET /players/me 200");
        assertThat(((Number) r.get("changes")).intValue()).isEqualTo(2); // the sign-in, then the refresh
        assertThat(((Number) r.get("left")).longValue()).isGreaterThan(50_000);
    }
}
