package dev.arena.match.games;

import static dev.arena.match.games.ArenaBattle.ATTACK_COOLDOWN_TICKS;
import static dev.arena.match.games.ArenaBattle.ATTACK_DAMAGE;
import static dev.arena.match.games.ArenaBattle.ATTACK_RANGE;
import static dev.arena.match.games.ArenaBattle.BLAST_COOLDOWN_TICKS;
import static dev.arena.match.games.ArenaBattle.BLAST_DAMAGE;
import static dev.arena.match.games.ArenaBattle.BLAST_RADIUS;
import static dev.arena.match.games.ArenaBattle.BLOCK_COOLDOWN_TICKS;
import static dev.arena.match.games.ArenaBattle.BLOCK_KEEP_PERCENT;
import static dev.arena.match.games.ArenaBattle.BLOCK_TICKS;
import static dev.arena.match.games.ArenaBattle.MAX_PLAYERS;
import static dev.arena.match.games.ArenaBattle.MAX_SPEED;

import dev.arena.common.PlayerId;
import dev.arena.match.GameEvent;
import dev.arena.match.GameRules;
import dev.arena.match.InputResult;
import dev.arena.match.JoinDecision;
import dev.arena.match.MatchResult;
import dev.arena.match.PublicState;
import dev.arena.match.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of {@code arena_battle}. Inputs are checked against the state after the last tick and only
 * record intent (velocity, an attack, a block, a blast); {@link #tick} resolves all attacks and blasts of the
 * tick at once (so two fighters can knock each other out in the same tick), then moves everyone.
 */
final class ArenaBattleRules implements GameRules<BattleSettings, BattleState, BattleInput> {

    @Override
    public BattleState init(long seed, BattleSettings settings) {
        return new BattleState(settings, 0, false, 0, seed, List.of());
    }

    @Override
    public JoinDecision canJoin(BattleState s, PlayerId player) {
        if (s.started()) {
            return JoinDecision.refuse("already_started", "the battle has started");
        }
        if (s.fighters().size() >= MAX_PLAYERS) {
            return JoinDecision.refuse("full", "the arena is full");
        }
        if (s.indexOf(player) >= 0) {
            return JoinDecision.refuse("already_joined", "already in the arena");
        }
        return JoinDecision.ACCEPT;
    }

    @Override
    public Step<BattleState> join(BattleState s, PlayerId player) {
        int size = s.settings().arenaSize();
        int margin = size / 10;
        int span = size - 2 * margin + 1;
        long rng = s.rng();
        rng += GOLDEN;
        int x = margin + (int) ((mix(rng) >>> 1) % span);
        rng += GOLDEN;
        int y = margin + (int) ((mix(rng) >>> 1) % span);
        Fighter f = Fighter.spawn(player, x, y, s.settings().hitPoints());
        List<Fighter> fighters = new ArrayList<>(s.fighters());
        fighters.add(f);
        return Step.of(new BattleState(s.settings(), s.tick(), false, 0, rng, fighters),
                new BattleEvent.FighterDelta(player, x, y, f.hp(), false, true));
    }

    @Override
    public Step<BattleState> start(BattleState s, long tick) {
        long endTick = tick - 1 + s.settings().timeLimitTicks();
        return Step.of(new BattleState(s.settings(), tick - 1, true, endTick, s.rng(), s.fighters()),
                new BattleEvent.BattleStarted(endTick));
    }

    @Override
    public Step<BattleState> leave(BattleState s, PlayerId player) {
        int i = s.indexOf(player);
        if (i < 0) {
            return Step.of(s);
        }
        List<Fighter> fighters = new ArrayList<>(s.fighters());
        if (!s.started()) {
            fighters.remove(i);
            return Step.of(with(s, fighters), new BattleEvent.FighterRemoved(player));
        }
        Fighter.Builder f = fighters.get(i).toBuilder();
        if (!f.alive) {
            return Step.of(s);
        }
        f.alive = false;
        f.forfeited = true;
        f.outAt = s.tick() + 1;
        f.vx = 0;
        f.vy = 0;
        f.attackTarget = null;
        f.blastPending = false;
        fighters.set(i, f.build());
        return Step.of(with(s, fighters), new BattleEvent.Eliminated(player, "forfeit"),
                new BattleEvent.FighterDelta(player, null, null, null, null, false));
    }

    @Override
    public InputResult<BattleState> input(BattleState s, PlayerId player, BattleInput input) {
        if (!s.started()) {
            return InputResult.reject("not_started", "the battle has not started");
        }
        int i = s.indexOf(player);
        if (i < 0) {
            return InputResult.reject("not_participant", "not a fighter of this battle");
        }
        Fighter me = s.fighters().get(i);
        if (!me.alive()) {
            return InputResult.reject("dead", "eliminated fighters cannot act");
        }
        long now = s.tick() + 1;
        Fighter.Builder f = me.toBuilder();
        switch (input) {
            case BattleInput.Move m -> {
                if ((long) m.dx() * m.dx() + (long) m.dy() * m.dy() > (long) MAX_SPEED * MAX_SPEED) {
                    return InputResult.reject("too_fast", "speed is limited to " + MAX_SPEED + " units per tick");
                }
                f.vx = m.dx();
                f.vy = m.dy();
            }
            case BattleInput.Attack a -> {
                int t = s.indexOf(a.target());
                if (t < 0 || t == i) {
                    return InputResult.reject("invalid_target", "the target must be another fighter");
                }
                Fighter target = s.fighters().get(t);
                if (!target.alive()) {
                    return InputResult.reject("target_dead", "the target is already out");
                }
                if (me.blocking(now)) {
                    return InputResult.reject("blocking", "cannot attack while blocking");
                }
                if (now < me.attackReadyAt()) {
                    return InputResult.reject("cooldown", "attack ready at tick " + me.attackReadyAt());
                }
                if (distanceSquared(me.x(), me.y(), target.x(), target.y()) > (long) ATTACK_RANGE * ATTACK_RANGE) {
                    return InputResult.reject("out_of_range", "the target is beyond " + ATTACK_RANGE + " units");
                }
                f.attackTarget = a.target();
                f.attackReadyAt = now + ATTACK_COOLDOWN_TICKS;
            }
            case BattleInput.Block b -> {
                if (now < me.blockReadyAt()) {
                    return InputResult.reject("cooldown", "block ready at tick " + me.blockReadyAt());
                }
                f.blockFrom = now;
                f.blockUntil = now + BLOCK_TICKS;
                f.blockReadyAt = now + BLOCK_COOLDOWN_TICKS;
            }
            case BattleInput.Blast b -> {
                if (me.blocking(now)) {
                    return InputResult.reject("blocking", "cannot blast while blocking");
                }
                if (now < me.blastReadyAt()) {
                    return InputResult.reject("cooldown", "blast ready at tick " + me.blastReadyAt());
                }
                f.blastPending = true;
                f.blastReadyAt = now + BLAST_COOLDOWN_TICKS;
            }
        }
        List<Fighter> fighters = new ArrayList<>(s.fighters());
        fighters.set(i, f.build());
        return InputResult.accept(with(s, fighters));
    }

    @Override
    public Step<BattleState> tick(BattleState s, long n) {
        List<Fighter> before = s.fighters();
        int count = before.size();
        Fighter.Builder[] fs = new Fighter.Builder[count];
        for (int i = 0; i < count; i++) {
            fs[i] = before.get(i).toBuilder();
        }
        List<GameEvent> events = new ArrayList<>();
        int[] damage = new int[count];
        // 1. strikes and blasts, all against the positions and guards of this tick, applied together
        for (int i = 0; i < count; i++) {
            Fighter.Builder a = fs[i];
            if (!a.alive) {
                continue;
            }
            if (a.attackTarget != null) {
                int t = indexOf(fs, a.attackTarget);
                if (t >= 0 && fs[t].alive) {
                    strike(fs, damage, events, i, t, ATTACK_DAMAGE, "attack", n);
                }
            }
            if (a.blastPending) {
                events.add(new BattleEvent.Blasted(a.id, a.x, a.y, BLAST_RADIUS));
                for (int t = 0; t < count; t++) {
                    if (t != i && fs[t].alive
                            && distanceSquared(a.x, a.y, fs[t].x, fs[t].y) <= (long) BLAST_RADIUS * BLAST_RADIUS) {
                        strike(fs, damage, events, i, t, BLAST_DAMAGE, "blast", n);
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Fighter.Builder f = fs[i];
            f.attackTarget = null;
            f.blastPending = false;
            if (damage[i] > 0) {
                f.hp = Math.max(0, f.hp - damage[i]);
                if (f.hp == 0) {
                    f.alive = false;
                    f.outAt = n;
                    f.vx = 0;
                    f.vy = 0;
                    events.add(new BattleEvent.Eliminated(f.id, "killed"));
                }
            }
        }
        // 2. movement, clamped to the arena
        int size = s.settings().arenaSize();
        List<Fighter> after = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Fighter.Builder f = fs[i];
            if (f.alive) {
                f.x = clamp(f.x + f.vx, size);
                f.y = clamp(f.y + f.vy, size);
            }
            Fighter now = f.build();
            after.add(now);
            delta(before.get(i), now, n).ifPresent(events::add);
        }
        return new Step<>(new BattleState(s.settings(), n, s.started(), s.endTick(), s.rng(), after), events);
    }

    private static void strike(Fighter.Builder[] fs, int[] damage, List<GameEvent> events, int from, int to,
                               int base, String by, long n) {
        boolean blocked = fs[to].blocking(n);
        int dealt = blocked ? base * BLOCK_KEEP_PERCENT / 100 : base;
        damage[to] += dealt;
        fs[from].damageDealt += dealt;
        events.add(new BattleEvent.Hit(fs[from].id, fs[to].id, dealt, blocked, by));
    }

    /** The public fields of a fighter that changed in tick {@code n}, if any. */
    private static Optional<GameEvent> delta(Fighter was, Fighter now, long n) {
        Integer x = was.x() != now.x() ? now.x() : null;
        Integer y = was.y() != now.y() ? now.y() : null;
        Integer hp = was.hp() != now.hp() ? now.hp() : null;
        boolean blockingNow = now.alive() && now.blocking(n);
        Boolean blocking = (was.alive() && was.blocking(n - 1)) != blockingNow ? blockingNow : null;
        Boolean alive = was.alive() != now.alive() ? now.alive() : null;
        if (x == null && y == null && hp == null && blocking == null && alive == null) {
            return Optional.empty();
        }
        return Optional.of(new BattleEvent.FighterDelta(now.id(), x, y, hp, blocking, alive));
    }

    /**
     * Alive fighters first, by HP then damage dealt (both descending); then the eliminated, the later out first,
     * then by damage dealt. Fighters equal on every key share a place. A single first place wins; otherwise
     * it is a draw.
     */
    @Override
    public Optional<MatchResult> result(BattleState s) {
        if (!s.started() || s.fighters().isEmpty()) {
            return Optional.empty();
        }
        long alive = s.aliveCount();
        String reason;
        if (alive <= 1) {
            reason = alive == 1 ? "last_standing" : "all_eliminated";
        } else if (s.tick() >= s.endTick()) {
            reason = "time_limit";
        } else {
            return Optional.empty();
        }
        Comparator<Fighter> order = Comparator.comparing((Fighter f) -> f.alive() ? 0 : 1)
                .thenComparing(f -> f.alive() ? -f.hp() : -f.outAt())
                .thenComparing(f -> -f.damageDealt());
        List<Fighter> ranked = s.fighters().stream().sorted(order).toList();
        List<MatchResult.Standing> standings = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Fighter f = ranked.get(i);
            int place = i > 0 && order.compare(ranked.get(i - 1), f) == 0 ? standings.get(i - 1).place() : i + 1;
            standings.add(new MatchResult.Standing(f.id(), place, f.damageDealt()));
        }
        return Optional.of(MatchResult.ranked(standings, reason));
    }

    @Override
    public PublicState view(BattleState s) {
        long next = s.tick() + 1;
        List<BattleView.FighterView> fighters = s.fighters().stream()
                .map(f -> new BattleView.FighterView(f.id(), f.x(), f.y(), f.hp(), f.alive() && f.blocking(s.tick()),
                        f.alive(), f.forfeited(), f.damageDealt(), Math.max(next, f.attackReadyAt()),
                        Math.max(next, f.blockReadyAt()), Math.max(next, f.blastReadyAt())))
                .toList();
        return new BattleView(s.settings().arenaSize(), s.settings().hitPoints(), MAX_SPEED, ATTACK_RANGE,
                BLAST_RADIUS, s.tick(), s.started(), s.endTick(), fighters);
    }

    @Override
    public BattleInput decodeInput(Map<String, ?> raw) {
        return BattleInput.decode(raw);
    }

    @Override
    public Map<String, Object> encodeInput(BattleInput input) {
        return BattleInput.encode(input);
    }

    private static BattleState with(BattleState s, List<Fighter> fighters) {
        return new BattleState(s.settings(), s.tick(), s.started(), s.endTick(), s.rng(), fighters);
    }

    private static int indexOf(Fighter.Builder[] fs, PlayerId id) {
        for (int i = 0; i < fs.length; i++) {
            if (fs[i].id.equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static long distanceSquared(int x1, int y1, int x2, int y2) {
        long dx = x1 - x2;
        long dy = y1 - y2;
        return dx * dx + dy * dy;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    // splitmix64: a tiny generator whose whole state is one long, kept in BattleState.
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
