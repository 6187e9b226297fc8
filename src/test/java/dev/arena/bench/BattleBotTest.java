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
        b.snapshot(10, true, 400, List.of(new BattleBot.Seen("me", 100, 100, true),
                new BattleBot.Seen("foe", otherX, 100, true)), 11, 11, 11);
        return b;
    }

    private static MatchFrames.Frame frame(long tick, MatchFrames.Event... events) {
        return new MatchFrames.Frame(tick, List.of(events));
    }

    private static MatchFrames.Event fighter(String who, Integer x, Integer y, Boolean blocking) {
        return new MatchFrames.Event("fighter", who, null, null, x, y, blocking, null);
    }

    @Test
    void attacksInRangeAndTimesTheAttackToTheFirstHitItCauses() {
        BattleBot b = bot(1, 110);
        BattleBot.Action a = b.next(1_000 * MS);
        assertThat(a).isEqualTo(new BattleBot.Action(BattleBot.Kind.ATTACK, "{\"type\":\"attack\",\"target\":\"foe\"}"));
        // someone else's hit is not ours
        assertThat(b.onFrame(frame(11, new MatchFrames.Event("hit", null, "foe", "attack", null, null, null, null)),
                1_010 * MS)).isEmpty();
        assertThat(b.onFrame(frame(11, new MatchFrames.Event("hit", null, "me", "attack", null, null, null, null)),
                1_030 * MS)).containsExactly(new BattleBot.Effect(BattleBot.Kind.ATTACK, 1_000 * MS, 30 * MS));
        // the attack cools down until tick 21: the bot moves instead, circling its close target
        BattleBot.Action move = b.next(1_040 * MS);
        assertThat(move).isEqualTo(new BattleBot.Action(BattleBot.Kind.MOVE, "{\"type\":\"move\",\"dx\":0,\"dy\":6}"));
        assertThat(b.next(1_041 * MS)).isNull(); // one move at a time
    }

    @Test
    void aMoveShowsWhenTheFighterStepsByTheNewVelocityNotByTheOldOne() {
        BattleBot b = bot(1, 300); // far away: chase it, no attack
        BattleBot.Action first = b.next(0);
        assertThat(first.kind()).isEqualTo(BattleBot.Kind.MOVE);
        assertThat(first.input()).isEqualTo("{\"type\":\"move\",\"dx\":6,\"dy\":0}");
        assertThat(b.onFrame(frame(11, fighter("foe", 299, null, null)), 20 * MS)).isEmpty();
        assertThat(b.onFrame(frame(12, fighter("me", 106, null, null)), 45 * MS))
                .containsExactly(new BattleBot.Effect(BattleBot.Kind.MOVE, 1, 45 * MS - 1));
        BattleBot.Action second = b.next(100 * MS);
        assertThat(second.kind()).isEqualTo(BattleBot.Kind.MOVE);
        assertThat(second.input()).isNotEqualTo(first.input()); // never the same velocity twice in a row
        // still stepping by the old velocity: not the effect yet
        assertThat(b.onFrame(frame(13, fighter("me", 112, null, null)), 120 * MS)).isEmpty();
    }

    @Test
    void blocksAndBlastsAreMatchedToTheirEventsAndBlockingHoldsBackAttacks() {
        BattleBot b = bot(0, 110); // "now" for every random choice: the blast comes first
        assertThat(b.next(0).kind()).isEqualTo(BattleBot.Kind.BLAST);
        assertThat(b.onFrame(frame(11, new MatchFrames.Event("blast", "me", null, null, 100, 100, null, null)),
                10 * MS)).extracting(BattleBot.Effect::kind).containsExactly(BattleBot.Kind.BLAST);
        assertThat(b.next(20 * MS).kind()).isEqualTo(BattleBot.Kind.ATTACK);
        assertThat(b.next(21 * MS).kind()).isEqualTo(BattleBot.Kind.BLOCK);
        assertThat(b.onFrame(frame(12, fighter("me", null, null, true)), 40 * MS))
                .extracting(BattleBot.Effect::kind).containsExactly(BattleBot.Kind.BLOCK);
        b.refused("cooldown"); // the attack was refused: forgotten, not left waiting
        // blocking until tick 27: no attack, no blast, no second block; a move is all there is
        assertThat(b.next(50 * MS).kind()).isEqualTo(BattleBot.Kind.MOVE);
    }

    @Test
    void inputsWhoseEffectNeverShowsAreGivenUpAndCounted() {
        BattleBot b = bot(1, 300);
        assertThat(b.next(0)).isNotNull();
        assertThat(b.next(BattleBot.TIMEOUT_NANOS)).isNull(); // still waiting
        assertThat(b.unmatched()).isZero();
        assertThat(b.next(BattleBot.TIMEOUT_NANOS + 2)).isNotNull(); // given up, a new move
        assertThat(b.unmatched()).isEqualTo(1);
        b.onFrame(frame(12, new MatchFrames.Event("eliminated", "me", null, null, null, null, null, null)), 0);
        assertThat(b.next(BattleBot.TIMEOUT_NANOS * 3)).isNull(); // out: nothing to send
        BattleBot waiting = new BattleBot("me", fixed(1));
        waiting.snapshot(3, false, 400, List.of(new BattleBot.Seen("me", 1, 1, true)), 0, 0, 0);
        assertThat(waiting.next(0)).isNull(); // not started
    }

    @Test
    void aMoveCountsAsVisibleOnlyIfItShowsWhereverTheNextTwoTicksTakeTheFighter() {
        assertThat(BattleBot.visible(100, 100, 6, 0, 7, 0, 400)).isTrue();
        // from 392 a step of 7 differs from one of 6, but the move may apply at 398, where the wall clamps both to 2
        assertThat(BattleBot.visible(392, 100, 6, 0, 7, 0, 400)).isFalse();
        // turning away from the wall shows from everywhere
        assertThat(BattleBot.visible(392, 100, 6, 0, -7, 0, 400)).isTrue();
        assertThat(BattleBot.visible(392, 100, 6, 0, 6, 0, 400)).isFalse(); // the same velocity never shows
    }
}
