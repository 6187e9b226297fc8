package dev.arena.match.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.GameEvent;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.JoinDecision;
import dev.arena.match.MalformedInput;
import dev.arena.match.MatchResult;
import dev.arena.match.Step;
import dev.arena.match.games.BattleEvent.FighterDelta;
import dev.arena.match.games.BattleEvent.Hit;
import dev.arena.match.games.BattleInput.Attack;
import dev.arena.match.games.BattleInput.Blast;
import dev.arena.match.games.BattleInput.Block;
import dev.arena.match.games.BattleInput.Move;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** arena_battle's rules as pure functions: every call by hand, tick by tick. */
class ArenaBattleRulesTest {
    private static final PlayerId A = new PlayerId(new UUID(0, 1));
    private static final PlayerId B = new PlayerId(new UUID(0, 2));
    private static final PlayerId C = new PlayerId(new UUID(0, 3));
    private static final PlayerId NOBODY = new PlayerId(new UUID(0, 99));

    private final GameRules<BattleSettings, BattleState, BattleInput> rules = new ArenaBattle().rules();

    /** A started battle (tick 0, time limit at tick 2400) with fighters where the test puts them. */
    private static BattleState arena(Fighter... fighters) {
        return new BattleState(BattleSettings.DEFAULTS, 0, true, 2400, 7, List.of(fighters));
    }

    private static Fighter at(PlayerId id, int x, int y) {
        return Fighter.spawn(id, x, y, 100);
    }

    private BattleState accept(BattleState s, PlayerId p, BattleInput in) {
        InputResult<BattleState> r = rules.input(s, p, in);
        assertThat(r).as("%s by %s", in, p).isInstanceOf(InputResult.Accepted.class);
        return ((InputResult.Accepted<BattleState>) r).state();
    }

    private String reject(BattleState s, PlayerId p, BattleInput in) {
        InputResult<BattleState> r = rules.input(s, p, in);
        assertThat(r).as("%s by %s", in, p).isInstanceOf(InputResult.Rejected.class);
        return ((InputResult.Rejected<BattleState>) r).code();
    }

    private Step<BattleState> tick(BattleState s) {
        return rules.tick(s, s.tick() + 1);
    }

    private BattleState ticks(BattleState s, int n) {
        for (int i = 0; i < n; i++) {
            s = tick(s).state();
        }
        return s;
    }

    private static Fighter fighter(BattleState s, PlayerId p) {
        return s.fighters().get(s.indexOf(p));
    }

    // ---- settings, joining, starting ----------------------------------------------------------------

    @Test
    void settingsHaveDefaultsAndEveryErrorIsReportedAtOnce() {
        ArenaBattle game = new ArenaBattle();
        assertThat(game.settings(Map.of())).isEqualTo(BattleSettings.DEFAULTS);
        assertThat(game.settings(Map.of("arena_size", 500, "time_limit_seconds", 60, "hit_points", 50)))
                .isEqualTo(new BattleSettings(500, 60, 50));
        assertThatThrownBy(() -> game.settings(Map.of("arena_size", 100, "hit_points", 2.5, "gravity", 1)))
                .isInstanceOfSatisfying(ArenaException.Invalid.class, e -> assertThat(e.errors())
                        .extracting(ArenaException.FieldError::field)
                        .containsExactly("settings.arena_size", "settings.hit_points", "settings.gravity"));
    }

    @Test
    void fightersSpawnInsideTheArenaAtPositionsDrawnFromTheSeed() {
        BattleState s = rules.init(11, BattleSettings.DEFAULTS);
        Step<BattleState> joined = rules.join(s, A);
        Fighter f = joined.state().fighters().getFirst();
        assertThat(f.x()).isBetween(100, 900);
        assertThat(f.y()).isBetween(100, 900);
        assertThat(f.hp()).isEqualTo(100);
        assertThat(joined.events()).containsExactly(new FighterDelta(A, f.x(), f.y(), 100, false, true));
        assertThat(rules.join(rules.init(11, BattleSettings.DEFAULTS), A).state()).isEqualTo(joined.state());
        List<Fighter> otherSeeds = new ArrayList<>();
        for (long seed = 12; seed < 20; seed++) {
            otherSeeds.add(rules.join(rules.init(seed, BattleSettings.DEFAULTS), A).state().fighters().getFirst());
        }
        assertThat(otherSeeds).anySatisfy(g -> assertThat(g.x() != f.x() || g.y() != f.y()).isTrue());
    }

    @Test
    void joiningIsRefusedOnceStartedOrWhenEightAreIn() {
        BattleState s = rules.init(1, BattleSettings.DEFAULTS);
        for (int i = 0; i < 8; i++) {
            s = rules.join(s, new PlayerId(new UUID(1, i))).state();
        }
        assertThat(rules.canJoin(s, A)).isEqualTo(JoinDecision.refuse("full", "the arena is full"));
        BattleState two = rules.join(rules.join(rules.init(1, BattleSettings.DEFAULTS), A).state(), B).state();
        Step<BattleState> started = rules.start(two, 5);
        assertThat(started.events()).containsExactly(new BattleEvent.BattleStarted(4 + 2400));
        assertThat(rules.canJoin(started.state(), C)).isInstanceOf(JoinDecision.Refuse.class);
        assertThat(((JoinDecision.Refuse) rules.canJoin(started.state(), C)).code()).isEqualTo("already_started");
    }

    @Test
    void leavingBeforeTheStartRemovesTheFighterAndAfterItIsAForfeit() {
        BattleState s = rules.join(rules.join(rules.init(1, BattleSettings.DEFAULTS), A).state(), B).state();
        Step<BattleState> gone = rules.leave(s, A);
        assertThat(gone.state().fighters()).extracting(Fighter::id).containsExactly(B);
        assertThat(gone.events()).containsExactly(new BattleEvent.FighterRemoved(A));

        Step<BattleState> forfeit = rules.leave(arena(at(A, 0, 0), at(B, 500, 500), at(C, 900, 900)), A);
        assertThat(fighter(forfeit.state(), A).alive()).isFalse();
        assertThat(fighter(forfeit.state(), A).forfeited()).isTrue();
        assertThat(forfeit.events()).contains(new BattleEvent.Eliminated(A, "forfeit"));
        assertThat(rules.result(forfeit.state())).isEmpty(); // two still fight
    }

    // ---- move ----------------------------------------------------------------------------------------

    @Test
    void movingFasterThanTheSpeedLimitIsRejectedOnTheDiagonalToo() {
        BattleState s = arena(at(A, 500, 500), at(B, 100, 100));
        assertThat(reject(s, A, new Move(11, 0))).isEqualTo("too_fast");
        assertThat(reject(s, A, new Move(8, 7))).isEqualTo("too_fast"); // 8² + 7² = 113 > 100
        assertThat(reject(s, A, new Move(Integer.MAX_VALUE, Integer.MAX_VALUE))).isEqualTo("too_fast");
        BattleState moving = accept(s, A, new Move(6, -8)); // exactly 10
        Step<BattleState> t1 = tick(moving);
        assertThat(fighter(t1.state(), A).x()).isEqualTo(506);
        assertThat(fighter(t1.state(), A).y()).isEqualTo(492);
        assertThat(t1.events()).containsExactly(new FighterDelta(A, 506, 492, null, null, null)); // B did not move
        assertThat(fighter(ticks(t1.state(), 2), A).x()).isEqualTo(518); // the velocity is kept
    }

    @Test
    void fightersStopAtTheWalls() {
        BattleState s = accept(arena(at(A, 995, 3), at(B, 100, 100)), A, new Move(6, -8));
        s = ticks(s, 3);
        assertThat(fighter(s, A).x()).isEqualTo(1000);
        assertThat(fighter(s, A).y()).isZero();
        assertThat(tick(s).events()).isEmpty(); // pressed against the corner: nothing changes, nothing is sent
    }

    // ---- attack --------------------------------------------------------------------------------------

    @Test
    void anAttackInRangeHitsAtTheNextTickThenCoolsDown() {
        BattleState s = arena(at(A, 500, 500), at(B, 560, 500)); // exactly 60 apart
        s = accept(s, A, new Attack(B));
        assertThat(reject(s, A, new Attack(B))).isEqualTo("cooldown"); // a second one in the same tick
        Step<BattleState> hit = tick(s);
        assertThat(hit.events()).containsExactly(new Hit(A, B, 10, false, "attack"),
                new FighterDelta(B, null, null, 90, null, null));
        s = hit.state();
        assertThat(fighter(s, A).damageDealt()).isEqualTo(10);
        for (int i = 1; i < ArenaBattle.ATTACK_COOLDOWN_TICKS; i++) {
            assertThat(reject(s, A, new Attack(B))).as("tick %d", s.tick() + 1).isEqualTo("cooldown");
            s = tick(s).state();
        }
        accept(s, A, new Attack(B)); // 10 ticks after the first
    }

    @Test
    void attacksOutOfRangeOnThemselvesOnStrangersAndOnTheDeadAreRejected() {
        Fighter dead = new Fighter(C, 500, 510, 0, 0, 0, 0, 0, 0, 0, 0, null, false, false, 0, false, 0);
        BattleState s = arena(at(A, 500, 500), at(B, 561, 500), dead);
        assertThat(reject(s, A, new Attack(B))).isEqualTo("out_of_range"); // 61 > 60
        assertThat(reject(s, A, new Attack(A))).isEqualTo("invalid_target");
        assertThat(reject(s, A, new Attack(NOBODY))).isEqualTo("invalid_target");
        assertThat(reject(s, A, new Attack(C))).isEqualTo("target_dead");
        assertThat(reject(s, C, new Move(1, 0))).isEqualTo("dead");
        assertThat(reject(s, C, new Block())).isEqualTo("dead");
        assertThat(reject(s, NOBODY, new Move(1, 0))).isEqualTo("not_participant");
        BattleState waiting = new BattleState(BattleSettings.DEFAULTS, 0, false, 0, 1, s.fighters());
        assertThat(reject(waiting, A, new Move(1, 0))).isEqualTo("not_started");
    }

    @Test
    void rangeIsCheckedAgainstWhereFightersAreNotWhereTheyWillBe() {
        // B runs away in the same tick: the attack was valid when sent and lands (positions resolve after hits)
        BattleState s = arena(at(A, 500, 500), at(B, 555, 500));
        s = accept(s, B, new Move(10, 0));
        s = accept(s, A, new Attack(B));
        Step<BattleState> t = tick(s);
        assertThat(t.events()).contains(new Hit(A, B, 10, false, "attack"));
        assertThat(fighter(t.state(), B).x()).isEqualTo(565);
    }

    // ---- block ---------------------------------------------------------------------------------------

    @Test
    void blockingCutsDamageTo30PercentForFifteenTicksThenCoolsDown() {
        BattleState s = arena(at(A, 500, 500), at(B, 540, 500));
        s = accept(s, B, new Block());
        s = accept(s, A, new Attack(B));
        Step<BattleState> t = tick(s);
        assertThat(t.events()).containsExactly(new Hit(A, B, 3, true, "attack"),
                new FighterDelta(B, null, null, 97, true, null));
        s = t.state();
        assertThat(reject(s, B, new Block())).isEqualTo("cooldown");
        assertThat(reject(s, B, new Attack(A))).isEqualTo("blocking");
        assertThat(reject(s, B, new Blast())).isEqualTo("blocking");
        s = ticks(s, 14); // to tick 15, the last of the 15 blocking ticks 1..15
        assertThat(fighter(s, B).blocking(s.tick())).isTrue();
        Step<BattleState> down = tick(s); // tick 16: the guard drops
        assertThat(down.events()).containsExactly(new FighterDelta(B, null, null, null, false, null));
        s = ticks(down.state(), 23); // to tick 39
        assertThat(reject(s, B, new Block())).isEqualTo("cooldown"); // for tick 40
        accept(tick(s).state(), B, new Block()); // for tick 41: 40 ticks after the first block (tick 1)
    }

    // ---- blast ---------------------------------------------------------------------------------------

    @Test
    void aBlastHitsEveryoneWithinItsRadiusOnlyAndHasALongCooldown() {
        BattleState s = arena(at(A, 500, 500), at(B, 620, 500), at(C, 500, 621));
        s = accept(s, A, new Blast());
        assertThat(reject(s, A, new Blast())).isEqualTo("cooldown");
        Step<BattleState> t = tick(s);
        assertThat(t.events()).containsExactly(new BattleEvent.Blasted(A, 500, 500, 120),
                new Hit(A, B, 20, false, "blast"), new FighterDelta(B, null, null, 80, null, null));
        s = ticks(t.state(), ArenaBattle.BLAST_COOLDOWN_TICKS - 2);
        assertThat(reject(s, A, new Blast())).isEqualTo("cooldown"); // for tick 100
        accept(tick(s).state(), A, new Blast()); // for tick 101
    }

    // ---- endings -------------------------------------------------------------------------------------

    @Test
    void theLastOneStandingWins() {
        Fighter weak = new Fighter(B, 540, 500, 0, 0, 10, 0, 0, 0, 0, 0, null, false, true, 0, false, 0);
        BattleState s = arena(at(A, 500, 500), weak);
        s = accept(s, A, new Attack(B));
        Step<BattleState> t = tick(s);
        assertThat(t.events()).contains(new BattleEvent.Eliminated(B, "killed"),
                new FighterDelta(B, null, null, 0, null, false));
        MatchResult r = rules.result(t.state()).orElseThrow();
        assertThat(r.winner()).contains(A);
        assertThat(r.reason()).isEqualTo("last_standing");
        assertThat(r.standings()).containsExactly(new MatchResult.Standing(A, 1, 10), new MatchResult.Standing(B, 2, 0));
        assertThat(reject(t.state(), B, new Move(1, 1))).isEqualTo("dead");
    }

    @Test
    void fightersKnockedOutInTheSameTickAreRankedByDamageDealtElseShareThePlace() {
        Fighter a = new Fighter(A, 500, 500, 0, 0, 10, 0, 0, 0, 0, 0, null, false, true, 0, false, 0);
        Fighter b = new Fighter(B, 540, 500, 0, 0, 10, 0, 0, 0, 0, 0, null, false, true, 0, false, 0);
        BattleState s = accept(accept(arena(a, b), A, new Attack(B)), B, new Attack(A));
        MatchResult draw = rules.result(tick(s).state()).orElseThrow();
        assertThat(draw.outcome()).isInstanceOf(MatchResult.Draw.class);
        assertThat(draw.reason()).isEqualTo("all_eliminated");
        assertThat(draw.standings()).extracting(MatchResult.Standing::place).containsExactly(1, 1);

        BattleState blasted = accept(accept(arena(a, b), A, new Blast()), B, new Attack(A)); // A deals 20, B 10
        MatchResult won = rules.result(tick(blasted).state()).orElseThrow();
        assertThat(won.winner()).contains(A);
    }

    @Test
    void atTheTimeLimitTheHighestHpWinsThenDamageDealtThenTheyShare() {
        Fighter a = new Fighter(A, 0, 0, 0, 0, 80, 0, 0, 0, 0, 0, null, false, true, 0, false, 5);
        Fighter b = new Fighter(B, 900, 900, 0, 0, 90, 0, 0, 0, 0, 0, null, false, true, 0, false, 0);
        Fighter c = new Fighter(C, 0, 900, 0, 0, 80, 0, 0, 0, 0, 0, null, false, true, 0, false, 5);
        BattleState s = new BattleState(BattleSettings.DEFAULTS, 9, true, 10, 1, List.of(a, b, c));
        assertThat(rules.result(s)).isEmpty();
        MatchResult r = rules.result(tick(s).state()).orElseThrow();
        assertThat(r.reason()).isEqualTo("time_limit");
        assertThat(r.winner()).contains(B);
        assertThat(r.standings()).extracting(MatchResult.Standing::place).containsExactly(1, 2, 2);

        Fighter b2 = new Fighter(B, 900, 900, 0, 0, 80, 0, 0, 0, 0, 0, null, false, true, 0, false, 4);
        BattleState s2 = new BattleState(BattleSettings.DEFAULTS, 10, true, 10, 1, List.of(a, b2, c));
        MatchResult r2 = rules.result(s2).orElseThrow();
        assertThat(r2.outcome()).isInstanceOf(MatchResult.Draw.class); // A and C: same HP, same damage
        assertThat(r2.standings()).extracting(MatchResult.Standing::player).containsExactly(A, C, B);
    }

    @Test
    void aForfeitedFighterIsRankedWithTheEliminated() {
        BattleState s = arena(at(A, 0, 0), at(B, 500, 500));
        Step<BattleState> left = rules.leave(s, B);
        MatchResult r = rules.result(left.state()).orElseThrow();
        assertThat(r.winner()).contains(A);
        assertThat(r.standings().getLast()).isEqualTo(new MatchResult.Standing(B, 2, 0));
    }

    // ---- wire format of inputs -----------------------------------------------------------------------

    @Test
    void malformedInputsAreRefusedByTheDecoder() {
        assertThat(rules.decodeInput(Map.of("type", "move", "dx", 3, "dy", -4))).isEqualTo(new Move(3, -4));
        assertThat(rules.decodeInput(Map.of("type", "attack", "target", B.toString()))).isEqualTo(new Attack(B));
        assertThat(rules.decodeInput(Map.of("type", "block", "extra", true))).isEqualTo(new Block());
        List<Map<String, ?>> bad = new ArrayList<>(List.of(
                Map.of("type", "fly"),
                Map.of("dx", 1, "dy", 1),
                Map.of("type", 3),
                Map.of("type", "move", "dx", 1),
                Map.of("type", "move", "dx", 1.0, "dy", 0),
                Map.of("type", "move", "dx", "1", "dy", 0),
                Map.of("type", "move", "dx", 1L << 40, "dy", 0),
                Map.of("type", "attack"),
                Map.of("type", "attack", "target", "not-a-uuid")));
        Map<String, Object> nullTarget = new HashMap<>();
        nullTarget.put("type", "attack");
        nullTarget.put("target", null);
        bad.add(nullTarget);
        for (Map<String, ?> m : bad) {
            assertThatThrownBy(() -> rules.decodeInput(m)).as("%s", m).isInstanceOf(MalformedInput.class);
        }
        assertThatThrownBy(() -> rules.decodeInput(null)).isInstanceOf(MalformedInput.class);
        for (BattleInput in : List.of(new Move(-10, 0), new Attack(C), new Block(), new Blast())) {
            assertThat(rules.decodeInput(rules.encodeInput(in))).isEqualTo(in);
        }
    }

    @Test
    void theViewShowsEveryFighterAndTheRulesAClientNeedsToDrawThem() {
        BattleState s = accept(arena(at(A, 10, 20), at(B, 500, 500)), A, new Block());
        s = tick(s).state();
        BattleView v = (BattleView) rules.view(s);
        assertThat(v.arenaSize()).isEqualTo(1000);
        assertThat(v.attackRange()).isEqualTo(60);
        assertThat(v.fighters()).hasSize(2);
        BattleView.FighterView a = v.fighters().getFirst();
        assertThat(a.player()).isEqualTo(A);
        assertThat(a.blocking()).isTrue();
        assertThat(a.blockReadyAt()).isEqualTo(41);
        assertThat(a.attackReadyAt()).isEqualTo(2);
        List<GameEvent> none = tick(s).events();
        assertThat(none).isEmpty();
    }
}
