package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BattleBotTest {
    private static final long MS = 1_000_000L;

    /** {@code nextInt} always gives {@code i}: 0 means "blast and block now", 1 "not now". */
    private static RandomGenerator fixed(int i) {
        return new RandomGenerator() {
            public long nextLong() {
                return 0;
            }

            public int nextInt(int bound) {
                return Math.min(i, bound - 1);
            }

            public double nextDouble() {
                return 0.5;
            }
        };
    }

    private static BattleBot bot(int random, int otherX) {
        BattleBot b = new BattleBot("me", fixed(random));
        b.snapshot(10, true, List.of(new BattleBot.Seen("me", 100, 100, true),
                new BattleBot.Seen("foe", otherX, 100, true)), 11, 11, 11);
        return b;
    }

    private static MatchFrames.Frame frame(long tick, long ack, MatchFrames.Event... events) {
        return new MatchFrames.Frame(tick, List.of(events), ack);
    }

    private static MatchFrames.Event fighter(String who, Integer x, Integer y, Boolean blocking) {
        return new MatchFrames.Event("fighter", who, null, null, x, y, blocking, null);
    }

    private static MatchFrames.Event hit(String attacker) {
        return new MatchFrames.Event("hit", null, attacker, "attack", null, null, null, null);
    }

    @Test
    void attacksInRangeAndTimesTheAttackToTheFrameThatAcknowledgesIt() {
        BattleBot b = bot(1, 110);
        BattleBot.Action a = b.next(1_000 * MS);
        assertThat(a).isEqualTo(new BattleBot.Action(BattleBot.Kind.ATTACK,
                "{\"type\":\"attack\",\"target\":\"foe\"}", 1));
        // its hit without its acknowledgement (another player's frame order cannot be told apart): not timed
        assertThat(b.onFrame(frame(11, -1, hit("me")), 1_010 * MS)).isEmpty();
        assertThat(b.onFrame(frame(12, 1, hit("foe")), 1_030 * MS))
                .containsExactly(new BattleBot.Effect(BattleBot.Kind.ATTACK, 1_000 * MS, 30 * MS));
        assertThat(b.onFrame(frame(13, 1), 1_080 * MS)).as("acknowledged once").isEmpty();
        // the attack cools down from its hit at tick 11 until tick 21: the bot moves instead, circling its target
        assertThat(b.next(1_040 * MS)).isEqualTo(new BattleBot.Action(BattleBot.Kind.MOVE,
                "{\"type\":\"move\",\"dx\":0,\"dy\":6}", 2));
        assertThat(b.next(1_041 * MS)).isNull(); // one move at a time
    }

    @Test
    void oneAcknowledgementCoversEveryEarlierInputOfEveryKindRefusedOrNot() {
        BattleBot b = bot(0, 110); // "now" for every random choice
        assertThat(b.next(0).kind()).isEqualTo(BattleBot.Kind.BLAST);          // seq 1
        assertThat(b.next(10 * MS).kind()).isEqualTo(BattleBot.Kind.ATTACK);   // seq 2
        assertThat(b.next(20 * MS).kind()).isEqualTo(BattleBot.Kind.BLOCK);    // seq 3
        assertThat(b.next(30 * MS).kind()).isEqualTo(BattleBot.Kind.MOVE);     // seq 4
        assertThat(b.next(40 * MS)).as("one of each kind on its way").isNull();
        // the tick took the blast and the attack (the rules may have refused it: no event needed)
        assertThat(b.onFrame(frame(11, 2), 45 * MS)).containsExactlyInAnyOrder(
                new BattleBot.Effect(BattleBot.Kind.BLAST, 1, 45 * MS - 1),
                new BattleBot.Effect(BattleBot.Kind.ATTACK, 10 * MS, 35 * MS));
        assertThat(b.onFrame(frame(12, 4, fighter("me", null, null, true)), 60 * MS)).containsExactlyInAnyOrder(
                new BattleBot.Effect(BattleBot.Kind.MOVE, 30 * MS, 30 * MS),
                new BattleBot.Effect(BattleBot.Kind.BLOCK, 20 * MS, 40 * MS));
        // blocking until tick 27: no attack, no blast, no second block; a move is all there is
        BattleBot.Action move = b.next(70 * MS);
        assertThat(move.kind()).isEqualTo(BattleBot.Kind.MOVE);
        assertThat(move.seq()).isEqualTo(5);
    }

    @Test
    void anInputRefusedAtOnceIsForgottenAndNeverTimed() {
        BattleBot b = bot(1, 300); // far away: chase it
        BattleBot.Action first = b.next(0);
        assertThat(first.kind()).isEqualTo(BattleBot.Kind.MOVE);
        assertThat(first.input()).isEqualTo("{\"type\":\"move\",\"dx\":6,\"dy\":0}");
        assertThat(b.next(MS)).isNull(); // its move is on its way
        b.refusedAtOnce(1); // busy
        BattleBot.Action second = b.next(2 * MS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(b.onFrame(frame(11, 2), 50 * MS))
                .containsExactly(new BattleBot.Effect(BattleBot.Kind.MOVE, 2 * MS, 48 * MS));
        assertThat(b.unmatched()).isZero();
    }

    @Test
    void inputsNeverAcknowledgedAreGivenUpAndCounted() {
        BattleBot b = bot(1, 300);
        assertThat(b.next(0)).isNotNull();
        assertThat(b.next(BattleBot.TIMEOUT_NANOS)).isNull(); // still waiting
        assertThat(b.unmatched()).isZero();
        assertThat(b.next(BattleBot.TIMEOUT_NANOS + 2)).isNotNull(); // given up, a new move
        assertThat(b.unmatched()).isEqualTo(1);
        b.onFrame(frame(12, -1, new MatchFrames.Event("eliminated", "me", null, null, null, null, null, null)), 0);
        assertThat(b.next(BattleBot.TIMEOUT_NANOS * 3)).isNull(); // out: nothing to send
        BattleBot waiting = new BattleBot("me", fixed(1));
        waiting.snapshot(3, false, List.of(new BattleBot.Seen("me", 1, 1, true)), 0, 0, 0);
        assertThat(waiting.next(0)).isNull(); // not started
    }
}
