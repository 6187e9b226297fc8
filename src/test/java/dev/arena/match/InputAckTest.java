package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.PlayerId;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input acknowledgements ({@link InputAck}): the frame of the tick that takes a player's numbered input carries its
 * {@code seq}, accepted or refused, and the snapshot carries every seated player's last one. Driven tick by tick on
 * the test thread.
 */
class InputAckTest {
    private static final PlayerId A = new PlayerId(new UUID(0, 1));
    private static final PlayerId B = new PlayerId(new UUID(0, 2));
    private static final PlayerId S = new PlayerId(new UUID(0, 3));
    private static final MatchConfig NO_LOBBY = MatchConfig.defaults().withLobbyTimeout(Duration.ZERO);

    private final RecordingListener out = new RecordingListener();

    private MatchLoop<?, TallyGame.State, TallyGame.Input> tally(MatchConfig config) {
        return MatchLoop.create(new TallyGame(), new MatchSpec(MatchId.random(), 42, Map.of("target", 1000), config),
                new ManualTickScheduler(), out);
    }

    private MatchLoop<?, TallyGame.State, TallyGame.Input> running() {
        var loop = tally(NO_LOBBY);
        loop.join(A);
        loop.join(B);
        loop.tick();
        return loop;
    }

    private static Map<String, Object> add(int points) {
        return Map.of("type", "add", "points", points);
    }

    @Test
    void theFrameOfTheTickThatTakesANumberedInputAcknowledgesItsSeq() {
        var loop = running();
        loop.offerInput(A, add(1), 7);
        loop.offerInput(A, add(1), 8); // the last one the tick took is acknowledged
        loop.offerInput(B, add(2), 0);
        loop.tick();
        TickFrame f = out.frames.getLast();
        assertThat(f.tick()).isEqualTo(2);
        assertThat(f.acks()).containsExactlyInAnyOrder(new InputAck(A, 8), new InputAck(B, 0));
        assertThat(loop.view().acks()).containsExactlyInAnyOrder(new InputAck(A, 8), new InputAck(B, 0));

        loop.offerInput(B, add(1), 1);
        loop.tick();
        // only the players whose acknowledgement moved; the snapshot keeps everyone's last
        assertThat(out.frames.getLast().acks()).containsExactly(new InputAck(B, 1));
        assertThat(loop.view().ackOf(A)).isEqualTo(8);
        assertThat(loop.view().ackOf(B)).isEqualTo(1);
    }

    @Test
    void aTickWithOnlyAcknowledgementsStillSendsAFrameAndUnnumberedInputsMoveNone() {
        var loop = running();
        loop.offerInput(A, add(50), 3); // the rules refuse it: no event, but the tick took it
        loop.tick();
        assertThat(out.codes()).containsExactly("too_big");
        TickFrame f = out.frames.getLast();
        assertThat(f.tick()).isEqualTo(2);
        assertThat(f.events()).isEmpty();
        assertThat(f.acks()).containsExactly(new InputAck(A, 3));

        int frames = out.frames.size();
        loop.offerInput(A, add(50)); // refused and not numbered: no acknowledgement, so no frame
        loop.tick();
        assertThat(out.frames).hasSize(frames);
        loop.offerInput(A, add(1)); // accepted, not numbered: its events, no acknowledgement
        loop.tick();
        assertThat(out.frames.getLast().events()).isNotEmpty();
        assertThat(out.frames.getLast().acks()).isEmpty();
        assertThat(loop.view().ackOf(A)).isEqualTo(3);
    }

    @Test
    void inputsOverTheBudgetAndBeforeTheStartAreAcknowledgedTooButNotThoseOfSpectatorsOrStrangers() {
        var loop = tally(MatchConfig.defaults().withInputsPerTick(1).withMaxPlayers(2)); // starts when full
        loop.join(A);
        loop.offerInput(A, add(1), 1); // taken in the same tick as the join, before the start
        loop.tick();
        assertThat(loop.status()).isEqualTo(MatchStatus.WAITING);
        assertThat(out.codes()).containsExactly(MatchCodes.NOT_STARTED);
        assertThat(out.frames.getLast().acks()).containsExactly(new InputAck(A, 1));

        loop.join(B);
        loop.spectate(S);
        loop.tick();
        loop.offerInput(A, add(1), 2);
        loop.offerInput(A, add(1), 3); // over the budget of one: dropped, yet taken
        loop.offerInput(S, add(1), 9);
        loop.tick();
        assertThat(out.drops).containsExactly(A);
        assertThat(out.codes()).endsWith(MatchCodes.SPECTATOR);
        assertThat(out.frames.getLast().acks()).containsExactly(new InputAck(A, 3));
        assertThat(loop.view().acks()).containsExactly(new InputAck(A, 3));
    }

    @Test
    void aBadSeqIsRefusedAsMalformedAtOnce() {
        var loop = running();
        for (long bad : new long[] {-2, InputAck.MAX_SEQ + 1, Long.MIN_VALUE}) {
            Offer o = loop.offerInput(A, add(1), bad);
            assertThat(o).isInstanceOf(Offer.Refused.class);
            assertThat(((Offer.Refused) o).code()).isEqualTo(MatchCodes.MALFORMED);
        }
        assertThat(loop.offerInput(A, add(1), InputAck.MAX_SEQ)).isEqualTo(Offer.QUEUED);
        loop.tick();
        assertThat(out.frames.getLast().acks()).containsExactly(new InputAck(A, InputAck.MAX_SEQ));
        assertThat(loop.stats().acceptedInputs()).isEqualTo(1);
    }

    @Test
    void aClientsSeqIsAJsonIntegerFromZeroToTheLargestSafeOne() {
        assertThat(InputAck.seq(null)).isEqualTo(InputAck.NONE);
        assertThat(InputAck.seq(0)).isZero();
        assertThat(InputAck.seq(9_007_199_254_740_991L)).isEqualTo(InputAck.MAX_SEQ);
        for (Object bad : List.of(-1, 9_007_199_254_740_992L, 3.0, "3", true, new java.math.BigInteger("1"))) {
            assertThatThrownBy(() -> InputAck.seq(bad)).as("%s", bad).isInstanceOf(MalformedInput.class)
                    .hasMessageContaining("seq");
        }
    }

    @Test
    void aPlayerWhoReconnectsFindsTheirLastAcknowledgementInTheSnapshot() {
        var loop = tally(NO_LOBBY.withReconnectGrace(Duration.ofSeconds(5)));
        loop.join(A);
        loop.join(B);
        loop.tick();
        loop.offerInput(A, add(1), 41);
        loop.offerInput(A, add(2), 42);
        loop.disconnected(A); // after both inputs: the tick takes them, then A drops
        loop.tick();
        assertThat(out.frames.getLast().acks()).containsExactly(new InputAck(A, 42));
        loop.offerInput(A, add(3), 43); // while disconnected: refused, still taken
        loop.tick();
        assertThat(out.codes()).containsExactly(MatchCodes.NOT_CONNECTED);

        Future<MatchView> back = loop.join(A);
        loop.tick();
        assertThat(back.result().ackOf(A)).isEqualTo(43);
        assertThat(back.result().players()).contains(new MatchView.PlayerView(A, true, null));
        loop.offerInput(A, add(4), 44);
        loop.tick();
        assertThat(out.frames.getLast().acks()).containsExactly(new InputAck(A, 44));
    }

    @Test
    void aPlayerWhoLeavesTakesTheirAcknowledgementWithThem() {
        var loop = running();
        loop.offerInput(A, add(1), 5);
        loop.offerInput(B, add(1), 6);
        loop.tick();
        loop.leave(B);
        loop.tick();
        assertThat(loop.view().acks()).containsExactly(new InputAck(A, 5));
        loop.offerInput(B, add(1), 7); // no seat any more: refused, never acknowledged
        loop.tick();
        assertThat(out.codes()).containsExactly(MatchCodes.NOT_PARTICIPANT);
        assertThat(out.frames.getLast().acks()).isEmpty();
    }
}
