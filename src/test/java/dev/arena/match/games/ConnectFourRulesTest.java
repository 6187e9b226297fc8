package dev.arena.match.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.JoinDecision;
import dev.arena.match.MalformedInput;
import dev.arena.match.MatchResult;
import dev.arena.match.Step;
import dev.arena.match.games.FourInput.Drop;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** connect_four's rules as pure functions. */
class ConnectFourRulesTest {
    private static final PlayerId A = new PlayerId(new UUID(0, 1));
    private static final PlayerId B = new PlayerId(new UUID(0, 2));
    private static final PlayerId NOBODY = new PlayerId(new UUID(0, 99));

    private final GameRules<FourSettings, FourState, FourInput> rules = new ConnectFour().rules();

    /** A started game between A and B (no turn clock unless given), started at tick 1. */
    private FourState started(long seed, int turnSeconds) {
        FourState s = rules.init(seed, new FourSettings(turnSeconds));
        s = rules.join(rules.join(s, A).state(), B).state();
        return rules.start(s, 1).state();
    }

    private static PlayerId toMove(FourState s) {
        return s.players().get(s.turn());
    }

    private InputResult<FourState> drop(FourState s, PlayerId p, int column) {
        return rules.input(s, p, new Drop(column));
    }

    /** The mover drops into each column in turn; the moves must all be accepted. */
    private FourState play(FourState s, int... columns) {
        for (int c : columns) {
            InputResult<FourState> r = drop(s, toMove(s), c);
            assertThat(r).as("drop in %d", c).isInstanceOf(InputResult.Accepted.class);
            s = ((InputResult.Accepted<FourState>) r).state();
        }
        return s;
    }

    private String code(InputResult<FourState> r) {
        assertThat(r).isInstanceOf(InputResult.Rejected.class);
        return ((InputResult.Rejected<FourState>) r).code();
    }

    @Test
    void settingsAllowNoClockOrFiveSecondsAndMore() {
        ConnectFour game = new ConnectFour();
        assertThat(game.settings(Map.of())).isEqualTo(FourSettings.DEFAULTS);
        assertThat(game.settings(Map.of("turn_seconds", 0))).isEqualTo(new FourSettings(0));
        assertThatThrownBy(() -> game.settings(Map.of("turn_seconds", 3))).isInstanceOf(ArenaException.Invalid.class);
        assertThatThrownBy(() -> game.settings(Map.of("turn_seconds", -1))).isInstanceOf(ArenaException.Invalid.class);
    }

    @Test
    void twoPlayersJoinAndTheSeedDecidesWhoMovesFirst() {
        FourState s = rules.join(rules.join(rules.init(1, FourSettings.DEFAULTS), A).state(), B).state();
        assertThat(((JoinDecision.Refuse) rules.canJoin(s, NOBODY)).code()).isEqualTo("full");
        assertThat(code(drop(s, A, 0))).isEqualTo("not_started");
        boolean aFirst = false;
        boolean bFirst = false;
        for (long seed = 0; seed < 20; seed++) {
            Step<FourState> st = rules.start(rules.join(rules.join(rules.init(seed, FourSettings.DEFAULTS), A).state(),
                    B).state(), 1);
            PlayerId first = toMove(st.state());
            aFirst |= first.equals(A);
            bFirst |= first.equals(B);
            assertThat(st.events()).containsExactly(new FourEvent.Turn(first, 1 + 600));
            assertThat(toMove(started(seed, 60))).isEqualTo(first); // the same seed, the same first player
        }
        assertThat(aFirst && bFirst).isTrue();
        assertThat(((JoinDecision.Refuse) rules.canJoin(started(1, 0), NOBODY)).code()).isEqualTo("already_started");
    }

    @Test
    void illegalDropsAreRejected() {
        FourState s = started(3, 0);
        PlayerId first = toMove(s);
        PlayerId second = first.equals(A) ? B : A;
        assertThat(code(drop(s, second, 3))).isEqualTo("not_your_turn");
        assertThat(code(drop(s, first, -1))).isEqualTo("out_of_range");
        assertThat(code(drop(s, first, 7))).isEqualTo("out_of_range");
        assertThat(code(drop(s, NOBODY, 3))).isEqualTo("not_participant");
        s = play(s, 0, 0, 0, 0, 0, 0); // column 0 full, alternating colours: nobody won
        assertThat(code(drop(s, toMove(s), 0))).isEqualTo("column_full");
        play(s, 1); // the other columns still take discs
    }

    @Test
    void fourInARowWinsAcrossUpAndOnBothDiagonals() {
        // the first mover plays the first, third, ... column listed
        assertWins(started(1, 0), 0, 0, 1, 1, 2, 2, 3);              // across
        assertWins(started(1, 0), 0, 1, 0, 1, 0, 1, 0);              // up
        assertWins(started(1, 0), 0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3);  // diagonal /
        assertWins(started(1, 0), 6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3);  // diagonal \
    }

    private void assertWins(FourState s, int... columns) {
        PlayerId first = toMove(s);
        FourState end = play(s, columns);
        assertThat(end.over()).isTrue();
        assertThat(end.winner()).isEqualTo(first);
        MatchResult r = rules.result(end).orElseThrow();
        assertThat(r.winner()).contains(first);
        assertThat(r.reason()).isEqualTo("four_in_a_row");
        assertThat(r.standings()).extracting(MatchResult.Standing::place).containsExactly(1, 2);
        assertThat(code(drop(end, toMove(end), 5))).isEqualTo("game_over");
    }

    @Test
    void aFullBoardWithoutFourInARowIsADraw() {
        // fills the board as (column / 2 + row) % 2 colours: runs of at most two in every direction
        int[] order = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 4, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5,
                5, 5, 6, 6, 6, 6, 6, 6, 5};
        FourState s = started(5, 0);
        FourState end = play(s, java.util.Arrays.copyOf(order, 41));
        assertThat(end.over()).isFalse();
        end = play(end, order[41]);
        assertThat(end.over()).isTrue();
        assertThat(end.moves()).isEqualTo(42);
        MatchResult r = rules.result(end).orElseThrow();
        assertThat(r.outcome()).isInstanceOf(MatchResult.Draw.class);
        assertThat(r.reason()).isEqualTo("board_full");
        assertThat(((FourView) rules.view(end)).rows()).allSatisfy(row -> assertThat(row).doesNotContain("."));
    }

    @Test
    void aPlayerWhoLetsTheTurnClockRunOutLoses() {
        FourState s = started(2, 5); // 50 ticks per turn at 10 Hz; started at tick 1, so the deadline is 51
        PlayerId first = toMove(s);
        assertThat(s.deadline()).isEqualTo(51);
        s = rules.tick(s, 1).state();
        s = play(s, 3); // accepted for tick 2: the other player's clock runs to tick 52
        assertThat(s.deadline()).isEqualTo(52);
        PlayerId late = toMove(s);
        for (long t = 2; t < 52; t++) {
            s = rules.tick(s, t).state();
        }
        assertThat(s.over()).isFalse();
        Step<FourState> out = rules.tick(s, 52);
        assertThat(out.events()).containsExactly(new FourEvent.TimedOut(late), new FourEvent.GameOver(first, "timeout"));
        assertThat(rules.result(out.state()).orElseThrow().winner()).contains(first);
    }

    @Test
    void leavingARunningGameIsAForfeitAndBeforeTheStartFreesTheSeat() {
        FourState s = started(1, 0);
        Step<FourState> left = rules.leave(s, A);
        assertThat(left.events()).containsExactly(new FourEvent.GameOver(B, "forfeit"));
        assertThat(rules.result(left.state()).orElseThrow().winner()).contains(B);

        FourState waiting = rules.join(rules.join(rules.init(1, FourSettings.DEFAULTS), A).state(), B).state();
        assertThat(rules.leave(waiting, A).state().players()).containsExactly(B);
    }

    @Test
    void theViewDrawsTheBoardTopRowFirst() {
        FourState s = play(started(1, 0), 3, 3, 4);
        FourView v = (FourView) rules.view(s);
        String firstDisc = toMove(started(1, 0)).equals(A) ? "R" : "Y";
        String secondDisc = firstDisc.equals("R") ? "Y" : "R";
        assertThat(v.rows()).hasSize(6);
        assertThat(v.rows().get(4)).isEqualTo("..." + secondDisc + "...");
        assertThat(v.rows().get(5)).isEqualTo("..." + firstDisc + firstDisc + "..");
        assertThat(v.moves()).isEqualTo(3);
        assertThat(v.players()).containsExactly(A, B);
    }

    @Test
    void inputsDecodeStrictly() {
        assertThat(rules.decodeInput(Map.of("type", "drop", "column", 3))).isEqualTo(new Drop(3));
        assertThat(rules.decodeInput(Map.of("type", "drop", "column", 9))).isEqualTo(new Drop(9)); // range: the rules
        for (Map<String, ?> bad : List.<Map<String, ?>>of(Map.of("type", "drop"), Map.of("type", "drop", "column", "3"),
                Map.of("type", "drop", "column", 2.0), Map.of("type", "pass"))) {
            assertThatThrownBy(() -> rules.decodeInput(bad)).isInstanceOf(MalformedInput.class);
        }
        assertThat(rules.decodeInput(rules.encodeInput(new Drop(6)))).isEqualTo(new Drop(6));
    }
}
