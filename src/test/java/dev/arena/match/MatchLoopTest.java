package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.BattleInput;
import dev.arena.match.games.ConnectFour;
import dev.arena.match.games.FourEvent;
import dev.arena.match.games.FourInput;
import dev.arena.match.games.FourState;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The match loop, driven tick by tick on the test thread (no timers unless a test starts them, no sleeping). */
class MatchLoopTest {
    private static final PlayerId A = new PlayerId(new UUID(0, 1));
    private static final PlayerId B = new PlayerId(new UUID(0, 2));
    private static final PlayerId C = new PlayerId(new UUID(0, 3));
    private static final MatchConfig NO_LOBBY = MatchConfig.defaults().withLobbyTimeout(Duration.ZERO);

    private final ManualTickScheduler clock = new ManualTickScheduler();
    private final RecordingListener out = new RecordingListener();

    private <C, S, I> MatchLoop<C, S, I> loop(GameFactory<C, S, I> game, MatchConfig config,
                                              Map<String, Object> settings) {
        return MatchLoop.create(game, new MatchSpec(MatchId.random(), 42, settings, config), clock, out);
    }

    private MatchLoop<?, TallyGame.State, TallyGame.Input> tally(MatchConfig config) {
        return loop(new TallyGame(), config, Map.of("target", 1000));
    }

    private MatchLoop<?, FourState, FourInput> four(MatchConfig config) {
        return loop(new ConnectFour(), config, Map.of("turn_seconds", 0));
    }

    private static void ticks(MatchLoop<?, ?, ?> loop, int n) {
        for (int i = 0; i < n; i++) {
            loop.tick();
        }
    }

    private static int points(MatchLoop<?, TallyGame.State, TallyGame.Input> loop, PlayerId p) {
        return loop.state().scores().stream().filter(s -> s.player().equals(p)).findFirst().orElseThrow().points();
    }

    private static String code(Future<?> f) {
        assertThat(f.failed()).as("future failed").isTrue();
        return ((ArenaException.Rejected) f.cause()).code();
    }

    private static Offer.Refused refused(Offer o) {
        assertThat(o).isInstanceOf(Offer.Refused.class);
        return (Offer.Refused) o;
    }

    // ---- joining, ticks, snapshots --------------------------------------------------------------------

    @Test
    void aJoinIsAppliedAtTheNextTickAndAnsweredWithTheSnapshotOfThatTick() {
        var loop = tally(NO_LOBBY);
        Future<MatchView> joined = loop.join(A);
        assertThat(joined.isComplete()).isFalse();
        loop.tick();
        MatchView v = joined.result();
        assertThat(v.tick()).isEqualTo(1);
        assertThat(v.status()).isEqualTo(MatchStatus.RUNNING);
        assertThat(v.players()).containsExactly(new MatchView.PlayerView(A, true, null));
        assertThat(out.frames).hasSize(1);
        assertThat(out.frames.getFirst().tick()).isEqualTo(1);
        assertThat(out.events()).containsExactly(new MatchEvent.PlayerJoined(A), new MatchEvent.MatchStarted(1));
    }

    @Test
    void inputsWaitForTheTickAndAreAppliedInArrivalOrder() {
        var loop = tally(NO_LOBBY);
        loop.join(A);
        loop.join(B);
        loop.tick();
        assertThat(loop.offer(A, new TallyGame.Input.Add(3))).isEqualTo(Offer.QUEUED);
        assertThat(loop.offerInput(B, Map.of("type", "add", "points", 4))).isEqualTo(Offer.QUEUED);
        assertThat(points(loop, A)).isZero();
        loop.tick();
        assertThat(points(loop, A)).isEqualTo(3);
        assertThat(points(loop, B)).isEqualTo(4);
        assertThat(out.frames.getLast().events()).containsExactly(new TallyGame.Scored(A, 3), new TallyGame.Scored(B, 4));
        assertThat(loop.stats().acceptedInputs()).isEqualTo(2);
    }

    @Test
    void aMalformedInputIsRefusedAtOnceWithoutReachingTheMatch() {
        var loop = tally(NO_LOBBY);
        assertThat(refused(loop.offerInput(A, Map.of("type", "add", "points", 1.5))).code())
                .isEqualTo(MatchCodes.MALFORMED);
        assertThat(refused(loop.offerInput(A, Map.of("type", "teleport"))).code()).isEqualTo(MatchCodes.MALFORMED);
        assertThat(refused(loop.offerInput(A, null)).code()).isEqualTo(MatchCodes.MALFORMED);
    }

    // ---- inbox overflow and per-tick budget ---------------------------------------------------------------

    @Test
    void aFullInboxRefusesInputsAndJoinsWithBusyButNeverLeavesAndDisconnects() {
        var loop = tally(NO_LOBBY.withInboxCapacity(3));
        loop.join(A);
        loop.join(B);
        loop.tick();
        for (int i = 0; i < 3; i++) {
            assertThat(loop.offer(A, new TallyGame.Input.Add(1))).isEqualTo(Offer.QUEUED);
        }
        assertThat(refused(loop.offer(B, new TallyGame.Input.Add(1))).code()).isEqualTo(MatchCodes.BUSY);
        assertThat(code(loop.join(C))).isEqualTo(MatchCodes.BUSY);
        assertThat(code(loop.spectate(C))).isEqualTo(MatchCodes.BUSY);
        Future<Boolean> left = loop.leave(B); // forced past the bound: a leave is never lost
        assertThat(loop.stats().busyRefusals()).isEqualTo(3);

        loop.tick();
        assertThat(points(loop, A)).isEqualTo(3);
        assertThat(left.result()).isTrue();
        assertThat(loop.view().players()).extracting(MatchView.PlayerView::player).containsExactly(A);
        assertThat(loop.offer(A, new TallyGame.Input.Add(1))).isEqualTo(Offer.QUEUED); // room again
    }

    @Test
    void inputsOverAPlayersPerTickBudgetAreDroppedAndCountedWithoutTouchingOthers() {
        var loop = tally(NO_LOBBY.withInputsPerTick(2));
        loop.join(A);
        loop.join(B);
        loop.tick();
        for (int i = 0; i < 5; i++) {
            loop.offer(A, new TallyGame.Input.Add(1));
        }
        loop.offer(B, new TallyGame.Input.Add(1));
        loop.tick();
        assertThat(points(loop, A)).isEqualTo(2);
        assertThat(points(loop, B)).isEqualTo(1);
        assertThat(loop.stats().droppedInputs()).isEqualTo(3);
        assertThat(out.drops).containsExactly(A, A, A);

        loop.offer(A, new TallyGame.Input.Add(1)); // the budget is per tick
        loop.offer(A, new TallyGame.Input.Add(1));
        loop.tick();
        assertThat(points(loop, A)).isEqualTo(4);
        assertThat(loop.stats().droppedInputs()).isEqualTo(3);
    }

    @Test
    void rejectedInputsCountAgainstTheBudgetToo() {
        var loop = tally(NO_LOBBY.withInputsPerTick(1));
        loop.join(A);
        loop.tick();
        loop.offer(A, new TallyGame.Input.Add(50)); // rejected by the rules
        loop.offer(A, new TallyGame.Input.Add(1));  // over budget
        loop.tick();
        assertThat(out.codes()).containsExactly("too_big");
        assertThat(loop.stats().droppedInputs()).isEqualTo(1);
        assertThat(points(loop, A)).isZero();
    }

    // ---- timer-driven ticks: pacing and catch-up -----------------------------------------------------------

    @Test
    void startedMatchesTickAtTheGameRateCatchUpShortBacklogsAndSkipLongOnes() {
        var loop = loop(new ArenaBattle(), MatchConfig.defaults().withMaxCatchUpTicks(5)
                .withEmptyTimeout(Duration.ofMinutes(5)), Map.of());
        loop.start();
        clock.advance(Duration.ofSeconds(1));
        assertThat(loop.stats().ticks()).isEqualTo(20); // 20 Hz
        assertThat(loop.stats().skippedTicks()).isZero();

        clock.stall(Duration.ofMillis(200)); // 4 ticks late: caught up back to back
        clock.runDue();
        assertThat(loop.stats().ticks()).isEqualTo(24);
        assertThat(loop.stats().skippedTicks()).isZero();

        clock.stall(Duration.ofSeconds(1)); // 20 ticks late: one tick now, 19 skipped, schedule reset
        clock.runDue();
        assertThat(loop.stats().ticks()).isEqualTo(25);
        assertThat(loop.stats().skippedTicks()).isEqualTo(19);
        assertThat(out.skipped).isEqualTo(19);
        clock.advance(Duration.ofMillis(49));
        assertThat(loop.stats().ticks()).isEqualTo(25);
        clock.advance(Duration.ofMillis(1));
        assertThat(loop.stats().ticks()).isEqualTo(26);
        assertThat(clock.pending()).isEqualTo(1);
    }

    @Test
    void aFinishedMatchStopsItsTimer() {
        var loop = tally(NO_LOBBY.withEmptyTimeout(Duration.ofMillis(500)));
        loop.start();
        clock.advance(Duration.ofSeconds(2));
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(loop.stats().ticks()).isEqualTo(5);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void ticksOffTheOwnerAreRefused() throws Exception {
        var loop = tally(NO_LOBBY);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                loop.tick();
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        t.start();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    // ---- empty matches, lobby ------------------------------------------------------------------------------

    @Test
    void aMatchNobodyJoinsEndsAfterTheEmptyTimeout() {
        var loop = tally(NO_LOBBY.withEmptyTimeout(Duration.ofSeconds(1))); // 10 ticks at 10 Hz
        ticks(loop, 9);
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);
        loop.tick();
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(out.ends).singleElement().satisfies(e -> {
            assertThat(e.result().outcome()).isInstanceOf(MatchResult.Abandoned.class);
            assertThat(e.result().reason()).isEqualTo("empty");
            assertThat(e.finalTick()).isEqualTo(10);
        });
        assertThat(loop.ended().result()).isSameAs(out.ends.getFirst());
    }

    @Test
    void aMatchWhosePlayersAllDisconnectEndsEmptyEvenWithinTheirGrace() {
        var loop = tally(NO_LOBBY.withEmptyTimeout(Duration.ofSeconds(1)).withReconnectGrace(Duration.ofMinutes(1)));
        loop.join(A);
        ticks(loop, 30);
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING); // a connected player keeps it alive
        loop.disconnected(A);
        ticks(loop, 9);
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);
        loop.join(A); // back: the empty count starts over
        ticks(loop, 15);
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);
        loop.disconnected(A);
        ticks(loop, 10);
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(out.ends.getFirst().result().reason()).isEqualTo("empty");
    }

    @Test
    void theLobbyWaitsForMorePlayersThenStartsAndAFullMatchStartsAtOnce() {
        var lobby = loop(new ArenaBattle(), MatchConfig.defaults().withMaxPlayers(4)
                .withLobbyTimeout(Duration.ofSeconds(1)), Map.of());
        lobby.join(A);
        ticks(lobby, 5);
        lobby.join(B); // tick 6: two fighters, the minimum
        ticks(lobby, 20);
        assertThat(lobby.status()).isEqualTo(MatchStatus.WAITING);
        lobby.tick(); // 20 ticks (1 s at 20 Hz) after the minimum was reached
        assertThat(lobby.status()).isEqualTo(MatchStatus.RUNNING);
        Future<MatchView> late = lobby.join(C);
        lobby.tick();
        assertThat(code(late)).isEqualTo("already_started");

        var full = loop(new ArenaBattle(), MatchConfig.defaults().withMaxPlayers(2)
                .withLobbyTimeout(Duration.ofMinutes(1)), Map.of());
        full.join(A);
        full.join(B);
        full.tick();
        assertThat(full.status()).isEqualTo(MatchStatus.RUNNING);
    }

    // ---- who may join and send ----------------------------------------------------------------------------

    @Test
    void joinsAreRefusedWhenFullAfterLeavingAndAfterTheEnd() {
        var loop = four(MatchConfig.defaults());
        loop.join(A);
        loop.join(B);
        Future<MatchView> third = loop.join(C);
        loop.tick();
        assertThat(code(third)).isEqualTo(MatchCodes.FULL);
        loop.leave(B);
        loop.tick(); // B forfeits: A wins, the match ends
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(loop.view().result().winner()).contains(A);
        assertThat(code(loop.join(B))).isEqualTo(MatchCodes.ENDED);
        assertThat(refused(loop.offer(A, new FourInput.Drop(0))).code()).isEqualTo(MatchCodes.ENDED);
    }

    @Test
    void aPlayerWhoLeftARunningMatchCannotComeBack() {
        var loop = tally(NO_LOBBY);
        loop.join(A);
        loop.join(B);
        loop.tick();
        loop.leave(B);
        loop.tick();
        Future<MatchView> again = loop.join(B);
        loop.tick();
        assertThat(code(again)).isEqualTo(MatchCodes.FORFEITED);
    }

    @Test
    void leavingBeforeTheStartJustFreesTheSeat() {
        var loop = loop(new ArenaBattle(), MatchConfig.defaults(), Map.of());
        loop.join(A);
        loop.tick();
        Future<Boolean> left = loop.leave(A);
        loop.tick();
        assertThat(left.result()).isTrue();
        Future<MatchView> back = loop.join(A);
        loop.tick();
        assertThat(back.succeeded()).isTrue();
    }

    @Test
    void strangersWaitingMatchesAndDisconnectedPlayersCannotSendInput() {
        var loop = loop(new ArenaBattle(), MatchConfig.defaults(), Map.of());
        loop.join(A);
        loop.tick();
        loop.offer(A, new BattleInput.Block());  // one fighter: not started
        loop.offer(C, new BattleInput.Block());  // not a player
        loop.tick();
        assertThat(out.codes()).containsExactly(MatchCodes.NOT_STARTED, MatchCodes.NOT_PARTICIPANT);
        loop.disconnected(A);
        loop.offer(A, new BattleInput.Block());
        loop.tick();
        assertThat(out.codes()).endsWith(MatchCodes.NOT_CONNECTED);
        assertThat(loop.stats().rejectedInputs()).isEqualTo(3);
    }

    // ---- disconnects: grace, forfeit, reconnect --------------------------------------------------------------

    @Test
    void aDisconnectedPlayerForfeitsWhenTheGraceRunsOut() {
        var loop = four(MatchConfig.defaults().withReconnectGrace(Duration.ofSeconds(2))); // 20 ticks at 10 Hz
        loop.join(A);
        loop.join(B);
        loop.tick(); // tick 1: full, started
        loop.disconnected(B);
        loop.tick(); // tick 2: B disconnected, forfeits at tick 22
        assertThat(out.frames.getLast().events()).containsExactly(new MatchEvent.PlayerDisconnected(B, 22));
        assertThat(loop.view().players()).contains(new MatchView.PlayerView(B, false, 22L));
        ticks(loop, 19); // up to tick 21
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);
        loop.tick(); // tick 22
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(out.frames.getLast().events()).containsExactly(new MatchEvent.PlayerForfeited(B),
                new FourEvent.GameOver(A, "forfeit"));
        MatchResult r = out.ends.getFirst().result();
        assertThat(r.winner()).contains(A);
        assertThat(r.reason()).isEqualTo("forfeit");
        assertThat(out.ends.getFirst().finalTick()).isEqualTo(22);
    }

    @Test
    void aPlayerWhoReconnectsWithinTheGraceKeepsTheSeatAndGetsASnapshot() {
        var loop = four(MatchConfig.defaults().withReconnectGrace(Duration.ofSeconds(2)));
        loop.join(A);
        loop.join(B);
        loop.tick();
        loop.disconnected(B);
        ticks(loop, 10);
        Future<MatchView> back = loop.join(B);
        loop.tick();
        assertThat(out.frames.getLast().events()).containsExactly(new MatchEvent.PlayerReconnected(B));
        assertThat(back.result().players()).contains(new MatchView.PlayerView(B, true, null));
        assertThat(back.result().tick()).isEqualTo(12);
        ticks(loop, 30); // well past the old deadline
        assertThat(loop.status()).isEqualTo(MatchStatus.RUNNING);
        PlayerId toMove = ((dev.arena.match.games.FourView) loop.view().state()).toMove();
        loop.offer(toMove, new FourInput.Drop(3));
        loop.tick();
        assertThat(loop.state().moves()).isEqualTo(1);
    }

    @Test
    void aZeroGraceForfeitsInTheTickOfTheDisconnect() {
        var loop = four(MatchConfig.defaults().withReconnectGrace(Duration.ZERO));
        loop.join(A);
        loop.join(B);
        loop.tick();
        loop.disconnected(A);
        loop.tick();
        assertThat(loop.view().result().winner()).contains(B);
    }

    // ---- spectators ---------------------------------------------------------------------------------------

    @Test
    void spectatorsGetASnapshotAndTheFramesButCannotSendInput() {
        var loop = four(MatchConfig.defaults().withMaxSpectators(1));
        PlayerId s1 = new PlayerId(new UUID(1, 1));
        PlayerId s2 = new PlayerId(new UUID(1, 2));
        loop.join(A);
        loop.join(B);
        Future<MatchView> watching = loop.spectate(s1);
        Future<MatchView> second = loop.spectate(s2);
        loop.tick();
        assertThat(watching.result().spectators()).isEqualTo(1);
        assertThat(watching.result().status()).isEqualTo(MatchStatus.RUNNING);
        assertThat(((dev.arena.match.games.FourView) watching.result().state()).rows()).hasSize(6);
        assertThat(code(second)).isEqualTo(MatchCodes.TOO_MANY_SPECTATORS);
        assertThat(out.spectatorCounts).as("the refused one is not counted").containsExactly(1);

        loop.offer(s1, new FourInput.Drop(0));
        loop.spectate(s1); // watching already: no change to report
        loop.tick();
        assertThat(out.codes()).containsExactly(MatchCodes.SPECTATOR);
        assertThat(loop.state().moves()).isZero();

        loop.unspectate(s1);
        loop.tick();
        assertThat(loop.view().spectators()).isZero();
        assertThat(out.spectatorCounts).containsExactly(1, 0);
    }

    @Test
    void spectatingAFinishedMatchGivesItsFinalSnapshot() {
        var loop = tally(NO_LOBBY.withEmptyTimeout(Duration.ofMillis(100)));
        loop.tick();
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(loop.spectate(A).result().result().reason()).isEqualTo("empty");
    }

    // ---- failures and stopping ----------------------------------------------------------------------------

    @Test
    void rulesThatThrowEndTheMatchAsAbandonedAndTheLoopSurvives() {
        var loop = tally(NO_LOBBY);
        loop.join(A);
        loop.tick();
        loop.offer(A, new TallyGame.Input.Boom());
        Future<MatchView> late = loop.join(B);
        loop.tick();
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(out.ends.getFirst().result().reason()).isEqualTo("rules_error");
        assertThat(code(late)).isEqualTo(MatchCodes.ENDED);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheMatch() {
        MatchListener broken = new MatchListener() {
            public void frame(TickFrame frame) {
                throw new IllegalStateException("socket gone");
            }

            public void ended(MatchEnd end) {
                throw new IllegalStateException("database gone");
            }
        };
        var loop = MatchLoop.create(new TallyGame(), new MatchSpec(MatchId.random(), 1, Map.of(), NO_LOBBY), clock,
                broken);
        loop.join(A);
        loop.tick();
        loop.offer(A, new TallyGame.Input.Add(10));
        loop.tick();
        assertThat(loop.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(loop.ended().result().result().winner()).contains(A);
    }

    @Test
    void stopEndsTheMatchAtTheNextTickAsAbandoned() {
        var loop = tally(NO_LOBBY);
        loop.join(A);
        loop.tick();
        loop.stop("shutdown");
        loop.offer(A, new TallyGame.Input.Add(1));
        loop.tick();
        assertThat(points(loop, A)).isEqualTo(1); // the tick runs in full
        assertThat(loop.view().result().reason()).isEqualTo("shutdown");
        assertThat(loop.view().result().outcome()).isInstanceOf(MatchResult.Abandoned.class);
    }

    // ---- creation ------------------------------------------------------------------------------------------

    @Test
    void creationReportsEveryInvalidSettingAndSeatCountAtOnce() {
        assertThatThrownBy(() -> loop(new ArenaBattle(), MatchConfig.defaults().withMaxPlayers(9),
                Map.of("arena_size", 5, "time_limit_seconds", "long", "colour", "red")))
                .isInstanceOfSatisfying(ArenaException.Invalid.class, e -> assertThat(e.errors())
                        .extracting(ArenaException.FieldError::field)
                        .containsExactlyInAnyOrder("settings.arena_size", "settings.time_limit_seconds",
                                "settings.colour", "max_players"));
        assertThat(loop(new ArenaBattle(), MatchConfig.defaults(), Map.of()).maxPlayers()).isEqualTo(8);
        assertThat(loop(new ConnectFour(), MatchConfig.defaults(), null).maxPlayers()).isEqualTo(2);
    }

    @Test
    void theLogHoldsJoinsStartAndAcceptedInputsWithTheirTicksButNoEvents() {
        var loop = tally(NO_LOBBY);
        loop.join(A);
        loop.tick();
        loop.offer(A, new TallyGame.Input.Add(2));
        loop.offer(A, new TallyGame.Input.Add(99)); // rejected: not logged
        loop.tick();
        loop.stop("done");
        loop.tick();
        EventLog<?> log = out.ends.getFirst().log();
        assertThat(log.closed()).isTrue();
        assertThat(log.finalTick()).isEqualTo(3);
        assertThat(log.seed()).isEqualTo(42);
        // events went out in the frames; the log keeps only what a replay needs, so it does not grow per tick
        assertThat(List.<Object>copyOf(log.entries())).containsExactly(
                new LogEntry.Joined<>(1, A),
                new LogEntry.Started<>(1),
                new LogEntry.Input<>(2, A, new TallyGame.Input.Add(2)));
        assertThat(out.events()).contains(new MatchEvent.PlayerJoined(A), new MatchEvent.MatchStarted(1),
                new TallyGame.Scored(A, 2));
    }

    @Test
    void theLogDoesNotGrowWithTicksOnlyWithActions() {
        // a fighter moving for 900 ticks (never reaching a wall): a frame with its delta every tick, but the log
        // holds four entries
        var loop = loop(new ArenaBattle(), NO_LOBBY.withMaxPlayers(2), Map.of("arena_size", 10_000,
                "time_limit_seconds", 600));
        loop.join(A);
        loop.join(B);
        loop.tick();
        loop.offerInput(A, Map.of("type", "move", "dx", 1, "dy", 0));
        ticks(loop, 900);
        assertThat(out.frames).hasSizeGreaterThan(899);
        loop.stop("done");
        loop.tick();
        assertThat(out.ends.getFirst().log().entries()).hasSize(4); // two joins, the start, one input
    }
}
