package dev.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.arena.testing.Browsers;
import dev.arena.testing.NodeFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JavaScript SDK ({@code /sdk/arena.js}) in real headless Chromium against a real node: the scenarios run in
 * the page through {@code page.evaluate}, on the helpers of {@code web-test/sdk-harness.js}.
 */
class SdkIntegrationTest {
    /** The token bucket runs on the node's clock, which stands still here: a bucket big enough for the scenarios. */
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_WS_BURST", "100000"));
    @RegisterExtension
    static final Browsers browsers = Browsers.perClass();
    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.open(node, "/");
        assertThat(page.evaluate(resource("/web-test/sdk-harness.js"))).isEqualTo(true);
    }

    @AfterEach
    void clean() {
        browsers.assertClean(page);
        page.context().close();
    }

    static String resource(String name) {
        try (InputStream in = SdkIntegrationTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server drops the reader's socket (a frame above the hard frame limit: it closes with 1009) while another
     * player keeps sending; the SDK reconnects and resumes from the last seq: every message once, in order.
     */
    @Test
    void aDroppedSocketReconnectsAndResumesWithNoMessageLostOrDuplicated() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const room = 'resume-' + crypto.randomUUID().slice(0, 8);
                  // the writer is not paced: the node's rate limit is lifted here
                  const reader = t.client(), writer = t.client({ WebSocket, rate: null });
                  await reader.auth.guest(t.device());
                  await writer.auth.guest(t.device());
                  const sock = await reader.connect();
                  const states = [], got = [], closes = [];
                  sock.on('state', (s) => states.push(s));
                  sock.on('close', (c) => closes.push(c.code));
                  sock.on('room.message', (m) => { if (m.room === room) got.push(m.data.n); });
                  await reader.rooms.join(room);
                  await writer.rooms.join(room);
                  let n = 0;
                  const burst = async (k) => { for (let i = 0; i < k; i++) await writer.rooms.send(room, { n: ++n }); };
                  await burst(30);
                  for (let drop = 0; drop < 3; drop++) {
                    // only the reader's sockets are recorded: its live one is the newest
                    t.sockets[t.sockets.length - 1].send('x'.repeat(70 * 1024));
                    await t.waitFor(() => sock.state === 'reconnecting', 'the drop');
                    await burst(40);                        // sent while the reader is away
                    await t.waitFor(() => sock.state === 'open', 'the reconnect');
                    await burst(10);
                  }
                  await t.waitFor(() => got.length >= n, 'every message', 15000);
                  await new Promise((res) => setTimeout(res, 200)); // room for a duplicate to show up
                  return { got, n, states, closes, lastSeq: sock.lastSeq(room) };
                }
                """);
        int n = ((Number) r.get("n")).intValue();
        assertThat(n).isEqualTo(30 + 3 * 50);
        assertThat(ints(r.get("got"))).as("messages in order, none lost, none twice")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
        assertThat(ints(r.get("closes"))).hasSize(3).doesNotContain(1000);
        assertThat(list(r.get("states"))).containsSubsequence("reconnecting", "open", "reconnecting", "open",
                "reconnecting", "open");
    }

    /**
     * After a drop the SDK attaches to its match again and renews its lobby subscription: both keep flowing. (A
     * change of a listed game waits for the lobby's 500 ms merge, on the node's clock, which stands still here: a new
     * game is announced at once.)
     */
    @Test
    void matchesAndTheLobbySubscriptionAreRenewedAfterAReconnect() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const host = t.client(), guest = t.client({ WebSocket });
                  await host.auth.guest(t.device());
                  await guest.auth.guest(t.device());
                  const sock = await host.connect();
                  const seen = [];
                  for (const type of ['match.state', 'match.event', 'lobby.subscribed', 'lobby.game_added']) {
                    sock.on(type, (f) => seen.push(type));
                  }
                  const game = await host.games.create({ mode: 'connect_four' });
                  await host.match.join(game.game_id);
                  await host.lobby.subscribe({ mode: 'connect_four' });
                  seen.length = 0;
                  t.sockets[t.sockets.length - 1].send('x'.repeat(70 * 1024));
                  await t.waitFor(() => sock.state === 'reconnecting', 'the drop');
                  await t.waitFor(() => seen.includes('match.state') && seen.includes('lobby.subscribed'),
                      'the match and the lobby renewed');
                  await guest.games.join(game.game_id);                  // the match hears of it
                  await guest.games.create({ mode: 'connect_four' });   // and the lobby of this
                  await t.waitFor(() => seen.includes('match.event') && seen.includes('lobby.game_added'),
                      'the join and the new game, live');
                  return { seen, sockets: t.sockets.length };
                }
                """);
        // seen counts from the drop: the match.state and lobby.subscribed are the renewals' replies
        assertThat(list(r.get("seen"))).contains("match.state", "lobby.subscribed", "match.event", "lobby.game_added");
        assertThat(r).containsEntry("sockets", 2);
    }

    /** A watched tournament: every update once, versions without a gap, while the socket is dropped midway. */
    @Test
    void aWatchedTournamentDeliversEveryUpdateOnceAcrossAReconnect() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async (startsAt) => {
                  const organiser = t.client();
                  await organiser.auth.guest(t.device());
                  const cup = await organiser.tournaments.create({ name: 'SDK Cup', format: 'single_elimination',
                      mode: 'connect_four', maxPlayers: 8, bestOf: 1, startsAt, checkInMinutes: 30 });
                  const id = cup.tournament_id;
                  const updates = [];
                  const stop = organiser.tournaments.watch(id, (u) => updates.push(u));
                  await stop.ready;
                  const sock = organiser.socket;
                  const register = async () => {
                    const p = t.client({ WebSocket });
                    await p.auth.guest(t.device());
                    await p.tournaments.register(id);
                  };
                  for (let i = 0; i < 3; i++) await register();
                  t.sockets[t.sockets.length - 1].send('x'.repeat(70 * 1024));
                  await t.waitFor(() => sock.state === 'reconnecting', 'the drop');
                  for (let i = 0; i < 3; i++) await register();  // while the watcher is away, or just back
                  await t.waitFor(() => sock.state === 'open', 'the reconnect');
                  for (let i = 0; i < 2; i++) await register();
                  const now = (await organiser.tournaments.get(id)).tournament;
                  await t.waitFor(() => updates.length && updates[updates.length - 1].version === now.version,
                      'the last update');
                  stop();
                  return { versions: updates.map((u) => u.version), types: updates.map((u) => u.type),
                    version: now.version };
                }
                """, node.clock().instant().plusSeconds(3600).toString());
        List<Integer> versions = ints(r.get("versions"));
        int last = ((Number) r.get("version")).intValue();
        assertThat(versions).as("every update once, in order")
                .containsExactlyElementsOf(IntStream.rangeClosed(last - versions.size() + 1, last).boxed().toList());
        assertThat(list(r.get("types")).stream().filter("tournament.player_registered"::equals)).hasSize(8);
    }

    /** Requests beyond the client's rate wait their turn, in order; a fire-and-forget frame is dropped instead. */
    @Test
    void requestsArePacedToTheRateAndKeepTheirOrder() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const a = t.client({ rate: { perSecond: 50, burst: 10 } });
                  await a.auth.guest(t.device());
                  const sock = await a.connect();
                  const room = 'paced-' + crypto.randomUUID().slice(0, 8);
                  await a.rooms.join(room);
                  const started = performance.now();
                  const sends = Array.from({ length: 40 }, (_, i) => a.rooms.send(room, i));
                  await new Promise((res) => setTimeout(res, 0));  // the first ten are out, thirty wait
                  const dropped = !sock.send('room.send', { room, data: 'over the rate' });
                  const acks = await Promise.all(sends);
                  const took = performance.now() - started;
                  return { seqs: acks.map((x) => x.seq), took, dropped };
                }
                """);
        List<Integer> seqs = ints(r.get("seqs"));
        assertThat(seqs).as("sent in the order asked").isSorted().doesNotHaveDuplicates().hasSize(40);
        // 10 at once (the burst, less the join's), then 50 a second: at least 31 frames / 50 per second
        assertThat(((Number) r.get("took")).doubleValue()).isGreaterThanOrEqualTo(600);
        assertThat(r).containsEntry("dropped", true);
    }

    @Test
    void aNumberedInputIsAcknowledgedEvenWhenTheMatchRefusesIt() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const a = t.client();
                  await a.auth.guest(t.device());
                  const game = await a.games.create({ mode: 'connect_four' }); // waiting for a second player
                  const sock = await a.connect();
                  const errors = [];
                  const acks = [];
                  sock.on('error', (e) => errors.push(e.code));
                  sock.on('match.event', (f) => { if (f.acks) acks.push(f.acks); });
                  await a.match.join(game.game_id);
                  const before = a.match.lastAck(game.game_id);
                  const sent = a.match.input(game.game_id, { type: 'drop', column: 3 }, 7);
                  await t.waitFor(() => a.match.lastAck(game.game_id) === 7, 'the acknowledgement');
                  return { before, sent, errors, acks, me: sock.welcome.user_id };
                }
                """);
        assertThat(r).containsEntry("before", null).containsEntry("sent", true);
        assertThat(r.get("errors")).isEqualTo(List.of("not_started")); // refused at the tick, still taken
        assertThat(r.get("acks")).isEqualTo(List.of(Map.of((String) r.get("me"), 7)));
    }

    @Test
    void aRequestTheServerNeverAnswersRejectsWithATimeout() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async () => {
                  const a = t.client();
                  await a.auth.guest(t.device());
                  const game = await a.games.create({ mode: 'connect_four' });
                  const sock = await a.connect();
                  await a.match.join(game.game_id);
                  // accepted (or refused at the next tick) inputs get no reply: the rid is never repeated
                  const started = Date.now();
                  const err = await t.failure(sock.request('match.input',
                      { game_id: game.game_id, input: { type: 'drop', column: 3 } }, { timeout: 300 }));
                  const waited = Date.now() - started;
                  const after = await sock.request('ping', {});    // the socket is fine afterwards
                  return { err, waited, pong: after.type, state: sock.state };
                }
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> err = (Map<String, Object>) r.get("err");
        assertThat(err).containsEntry("isArenaError", true).containsEntry("code", "timeout")
                .containsEntry("status", 0);
        assertThat((String) err.get("message")).contains("match.input", "300 ms");
        assertThat(((Number) r.get("waited")).intValue()).isGreaterThanOrEqualTo(290);
        assertThat(r).containsEntry("pong", "pong").containsEntry("state", "open");
    }

    @Test
    void httpProblemsAndSocketErrorsBecomeArenaErrors() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> r = (Map<String, Map<String, Object>>) page.evaluate("""
                async () => {
                  const a = t.client();
                  await a.auth.guest(t.device());
                  const name = 'sdk' + crypto.randomUUID().slice(0, 8);
                  await t.client().auth.register(name, 'a-long-enough-password');
                  return {
                    notFound: await t.failure(a.players.get('00000000-0000-4000-8000-000000000000')),
                    invalid: await t.failure(t.client().auth.register('x', 'short')),
                    conflict: await t.failure(t.client().auth.register(name, 'a-long-enough-password')),
                    unauthorized: await t.failure(t.client().auth.login(name, 'not-the-password')),
                    notMember: await t.failure(a.chat.send('never-joined', 'hello')),
                    signedOut: await t.failure(t.client().players.me()),
                  };
                }
                """);
        assertThat(r.get("notFound")).containsEntry("isArenaError", true).containsEntry("status", 404)
                .containsEntry("code", "not_found");
        assertThat(problem(r.get("notFound"))).containsEntry("type", "urn:arena:problem:not-found")
                .containsEntry("status", 404);
        assertThat(r.get("invalid")).containsEntry("status", 422).containsEntry("code", "validation_failed");
        assertThat(problem(r.get("invalid"))).containsKey("errors");
        assertThat((String) r.get("invalid").get("message")).as("the message names the fields")
                .contains("username", "password");
        assertThat(r.get("conflict")).containsEntry("status", 409).containsEntry("code", "conflict");
        assertThat(r.get("unauthorized")).containsEntry("status", 401);
        assertThat(r.get("notMember")).containsEntry("isArenaError", true).containsEntry("status", 0)
                .containsEntry("code", "not_member").containsEntry("socketCode", "not_member")
                .containsEntry("problem", null);
        assertThat(r.get("signedOut")).containsEntry("code", "unauthorized");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static List<Integer> ints(Object value) {
        return list(value).stream().map(v -> ((Number) v).intValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Map<String, Object> error) {
        return (Map<String, Object>) error.get("problem");
    }

    /**
     * {@code logs.ingest} uploads NDJSON as one job (a second upload with the same idempotency key is replayed, not
     * counted twice) and {@code logs.export} reads the events back as NDJSON; a player without the role gets the
     * server's 403 as an {@code ArenaError}, a bad export window its 422.
     */
    @Test
    void logsAreIngestedOnceByIdempotencyKeyAndExportedBack() {
        String name = "logs-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        dev.arena.testing.Futures.await(node.arena().identity().createPrivileged(name, "ingest-password-1",
                dev.arena.identity.Role.INGEST));
        java.time.Instant at = node.clock().instant();
        String game = "sdk-" + java.util.UUID.randomUUID();
        String lines = IntStream.range(0, 5).mapToObj(i -> String.format(
                "{\"ts\":\"%s\",\"game_id\":\"%s\",\"mode\":\"arena_battle\",\"player_id\":\"p-%d\",\"type\":\"kill\"}",
                at.plusSeconds(i), game, i)).reduce("", (a, b) -> a + b + "\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                async ([name, lines, game, from, to]) => {
                  const loader = t.client();
                  await loader.auth.login(name, 'ingest-password-1');
                  const key = 'sdk-test-' + crypto.randomUUID();
                  const first = await loader.logs.ingest(lines, { idempotencyKey: key });
                  const again = await loader.logs.ingest(lines, { idempotencyKey: key });
                  const exported = await loader.logs.export({ from, to, gameId: game });
                  const player = t.client();
                  await player.auth.guest(t.device());
                  return {
                    first, again, exported,
                    forbidden: await t.failure(player.logs.ingest(lines)),
                    badWindow: await t.failure(loader.logs.export({ from: 'yesterday', to })),
                  };
                }""", List.of(name, lines, game, at.minusSeconds(60).toString(), at.plusSeconds(60).toString()));
        Map<String, Object> first = map(r.get("first"));
        assertThat(first).containsEntry("status", "done");
        assertThat(((Number) first.get("events")).intValue()).isEqualTo(5);
        assertThat(((Number) first.get("bad_lines")).intValue()).isZero();
        assertThat(map(r.get("again")).get("job_id")).as("replayed: the same job").isEqualTo(first.get("job_id"));
        List<String> exported = ((String) r.get("exported")).lines().filter(l -> !l.isBlank()).toList();
        assertThat(exported).hasSize(5).allSatisfy(l -> assertThat(l).contains(game, "\"type\":\"kill\""));
        assertThat(map(r.get("forbidden"))).containsEntry("isArenaError", true).containsEntry("status", 403);
        assertThat(map(r.get("badWindow"))).containsEntry("isArenaError", true).containsEntry("status", 422);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
