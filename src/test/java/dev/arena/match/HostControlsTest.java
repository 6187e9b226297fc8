package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.games.ConnectFour;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lobby games in the match loop (ready check, host start, kick, host hand-over), driven tick by tick on the test
 * thread: every command is decided in the match's own tick, in order with joins and leaves.
 */
class HostControlsTest {
    private static final PlayerId A = new PlayerId(new UUID(0, 1));
    private static final PlayerId B = new PlayerId(new UUID(0, 2));
    private static final PlayerId C = new PlayerId(new UUID(0, 3));
    /** A short lobby timeout: a lobby game must ignore it. */
    private static final MatchConfig CONFIG = MatchConfig.defaults().withLobbyTimeout(Duration.ofMillis(100));

    private final ManualTickScheduler clock = new ManualTickScheduler();
    private final RecordingListener out = new RecordingListener();

    private <C, S, I> MatchLoop<C, S, I> hosted(GameFactory<C, S, I> game, Map<String, Object> settings,
                                                PlayerId host) {
        return MatchLoop.create(game, new MatchSpec(MatchId.random(), 42, settings, CONFIG, host), clock, out);
    }

    private MatchLoop<?, TallyGame.State, TallyGame.Input> tally(PlayerId host) {
        return hosted(new TallyGame(), Map.of("target", 1000), host);
    }

    /** Joins each player in its own tick (so the seat order is the join order). */
    private static void seat(MatchLoop<?, ?, ?> loop, PlayerId... players) {
        for (PlayerId p : players) {
            Future<MatchView> f = loop.join(p);
            loop.tick();
            assertThat(f.succeeded()).as("join of %s: %s", p, f.cause()).isTrue();
        }
    }

    private static <T> T done(MatchLoop<?, ?, ?> loop, Future<T> f) {
        loop.tick();
        assertThat(f.succeeded()).as("%s", f.cause()).isTrue();
        return f.result();
    }

    private static ArenaException failure(MatchLoop<?, ?, ?> loop, Future<?> f) {
        loop.tick();
        assertThat(f.failed()).as("should have failed").isTrue();
        return (ArenaException) f.cause();
    }

    private static String code(MatchLoop<?, ?, ?> loop, Future<?> f) {
        ArenaException e = failure(loop, f);
        assertThat(e).isInstanceOf(ArenaException.Rejected.class);
        return ((ArenaException.Rejected) e).code();
    }

    private static void ticks(MatchLoop<?, ?, ?> loop, int n) {
        for (int i = 0; i < n; i++) {
            loop.tick();
        }
    }

    @Test
    void aLobbyGameWaitsForTheReadyCheckNotTheLobbyTimeoutAndStartsAtTheTickEveryoneIsReady() {
        var loop = tally(A);
        seat(loop, A, B);
        ticks(loop, 100); // 10 s at 10 Hz: far past the lobby timeout
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);
        assertThat(loop.view().host()).isEqualTo(A);

        MatchView v = done(loop, loop.ready(B, true));
        assertThat(v.status()).isEqualTo(MatchStatus.WAITING);
        assertThat(v.players()).containsExactly(new MatchView.PlayerView(A, true, null, false),
                new MatchView.PlayerView(B, true, null, true));
        done(loop, loop.ready(B, false)); // changes their mind
        done(loop, loop.ready(A, true));
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);

        Future<MatchView> last = loop.ready(B, true);
        long tick = loop.view().tick() + 1;
        assertThat(done(loop, last).status()).isEqualTo(MatchStatus.RUNNING);
        assertThat(out.events()).contains(new MatchEvent.PlayerReady(B, true), new MatchEvent.PlayerReady(B, false),
                new MatchEvent.PlayerReady(A, true), new MatchEvent.MatchStarted(tick));
        assertThat(code(loop, loop.ready(A, false))).isEqualTo(MatchCodes.ALREADY_STARTED);
    }

    @Test
    void aNewPlayerIsNotReadySoTheCheckWaitsForThem() {
        var loop = tally(A);
        seat(loop, A);
        done(loop, loop.ready(A, true)); // alone and ready: the minimum of 1 is met, so it would start...
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);

        var other = tally(B);
        seat(other, B, C);
        done(other, other.ready(B, true));
        seat(other, A); // ... but a newcomer is not ready yet
        assertThat(other.status()).isEqualTo(MatchStatus.WAITING);
        done(other, other.ready(C, true));
        assertThat(other.status()).isEqualTo(MatchStatus.WAITING);
        done(other, other.ready(A, true));
        assertThat(other.status()).isEqualTo(MatchStatus.RUNNING);
    }

    @Test
    void theHostStartsWhenEveryoneElseIsReadyOrForcesIt() {
        var loop = tally(A);
        seat(loop, A, B, C);
        done(loop, loop.ready(B, true));
        assertThat(code(loop, loop.startByHost(A, false))).isEqualTo(MatchCodes.PLAYERS_NOT_READY);
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);
        assertThat(failure(loop, loop.startByHost(B, true))).isInstanceOf(ArenaException.Forbidden.class);
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);

        assertThat(done(loop, loop.startByHost(A, true)).status()).isEqualTo(MatchStatus.RUNNING);
        assertThat(code(loop, loop.startByHost(A, true))).isEqualTo(MatchCodes.ALREADY_STARTED);
    }

    @Test
    void theHostIsNotCountedAsNotReadyByTheirOwnStart() {
        var loop = tally(A);
        seat(loop, A, B);
        done(loop, loop.ready(B, true));
        assertThat(done(loop, loop.startByHost(A, false)).status()).isEqualTo(MatchStatus.RUNNING);
    }

    @Test
    void aStartNeedsTheGamesMinimum() {
        var loop = hosted(new ConnectFour(), Map.of("turn_seconds", 0), A);
        seat(loop, A);
        assertThat(code(loop, loop.startByHost(A, true))).isEqualTo(MatchCodes.NOT_ENOUGH_PLAYERS);
        done(loop, loop.ready(A, true)); // one ready player of a two-player game: no start either
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);
        seat(loop, B);
        assertThat(done(loop, loop.startByHost(A, true)).status()).isEqualTo(MatchStatus.RUNNING);
    }

    @Test
    void theHostKicksAPlayerWhoCannotComeBack() {
        var loop = tally(A);
        seat(loop, A, B, C);
        assertThat(failure(loop, loop.kick(B, C))).isInstanceOf(ArenaException.Forbidden.class);
        assertThat(code(loop, loop.kick(A, A))).isEqualTo("cannot_kick_self");
        assertThat(code(loop, loop.kick(A, new PlayerId(UUID.randomUUID())))).isEqualTo(MatchCodes.NOT_PARTICIPANT);

        done(loop, loop.ready(C, true));
        MatchView v = done(loop, loop.kick(A, C));
        assertThat(v.players()).extracting(MatchView.PlayerView::player).containsExactly(A, B);
        assertThat(out.events()).contains(new MatchEvent.PlayerKicked(C));
        assertThat(code(loop, loop.join(C))).isEqualTo(MatchCodes.KICKED);

        done(loop, loop.ready(B, true));
        done(loop, loop.ready(A, true));
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);
        assertThat(code(loop, loop.kick(A, B))).isEqualTo(MatchCodes.ALREADY_STARTED);
    }

    @Test
    void whenTheHostLeavesTheLongestSeatedPlayerTakesOver() {
        var loop = tally(A);
        seat(loop, A, C, B); // C before B
        done(loop, loop.leave(A));
        assertThat(loop.view().host()).isEqualTo(C);
        assertThat(out.events()).contains(new MatchEvent.HostChanged(C));
        assertThat(failure(loop, loop.startByHost(A, true))).isInstanceOf(ArenaException.Forbidden.class);
        assertThat(done(loop, loop.kick(C, B)).players()).hasSize(1);

        done(loop, loop.leave(C)); // nobody left: the next to join hosts
        assertThat(loop.view().host()).isNull();
        seat(loop, A);
        assertThat(loop.view().host()).isEqualTo(A);
    }

    @Test
    void aHostWhoDoesNotReconnectInTimeHandsOver() {
        var loop = tally(A);
        seat(loop, A, B);
        loop.disconnected(A);
        ticks(loop, 10 * 20 + 2); // the 20 s grace at 10 Hz
        assertThat(loop.view().host()).isEqualTo(B);
    }

    @Test
    void aGameWithoutAHostStartsByItselfAndRefusesLobbyCommands() {
        var loop = MatchLoop.create(new TallyGame(), new MatchSpec(MatchId.random(), 1, Map.of("target", 1000),
                CONFIG), clock, out);
        seat(loop, A);
        assertThat(loop.view().host()).isNull();
        assertThat(loop.view().players().getFirst().ready()).isNull();
        assertThat(code(loop, loop.ready(A, true))).isEqualTo(MatchCodes.AUTO_START);
        assertThat(code(loop, loop.startByHost(A, true))).isIn(MatchCodes.AUTO_START, MatchCodes.ALREADY_STARTED);
        ticks(loop, 5);
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING); // the lobby timeout, as before
    }

    @Test
    void aKickIsInTheLogAsALeaveSoTheMatchReplays() {
        var loop = tally(A);
        seat(loop, A, B, C);
        done(loop, loop.kick(A, B));
        done(loop, loop.startByHost(A, true));
        loop.offer(A, new TallyGame.Input.Add(3));
        loop.offer(C, new TallyGame.Input.Add(4));
        ticks(loop, 3);
        loop.stop("test");
        loop.tick();
        MatchEnd end = out.ends.getFirst();
        @SuppressWarnings("unchecked")
        EventLog<TallyGame.Input> log = (EventLog<TallyGame.Input>) end.log();
        assertThat(log.entries()).contains(new LogEntry.Left<>(4, B, "kicked"));
        assertThat(Replay.run(new TallyGame(), log).state()).isEqualTo(loop.state());
        assertThat(Replay.run(new TallyGame(), log.store()).state()).isEqualTo(loop.state());
        assertThat(List.copyOf(loop.state().scores())).hasSize(2);
    }
}
