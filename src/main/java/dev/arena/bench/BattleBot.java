package dev.arena.bench;

import dev.arena.match.games.ArenaBattle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One simulated {@code arena_battle} player: follows the fighters from the snapshot and the frames, chooses
 * inputs the rules accept (chase the nearest fighter, attack in range, block and blast now and then, each
 * only when its cooldown has run out as far as the frames show), and finds the first frame that shows each
 * input's effect, which gives the input-to-state latency:
 *
 * <ul>
 *   <li>attack: a {@code hit} by this player with {@code by: attack};</li>
 *   <li>blast: a {@code blast} event of this player;</li>
 *   <li>block: this fighter's delta with {@code blocking: true};</li>
 *   <li>move: this fighter's first delta whose step equals the new velocity (clamped to the walls) and differs
 *       from the step the old velocity would have made; the bot never repeats its velocity or stops, so the
 *       two differ.</li>
 * </ul>
 * At most one input of each kind is awaiting its effect at a time, so the match is unambiguous. An input whose
 * effect has not shown after {@link #TIMEOUT_NANOS} is given up ({@link #unmatched()}); a refusal the server
 * reports clears the inputs it can belong to. Pure (time is passed in); owned by one socket's event loop.
 */
final class BattleBot {
    static final long TIMEOUT_NANOS = 2_000_000_000L;
    /** Attack only this close: the range is 60, and both fighters move up to 10 units per tick meanwhile. */
    static final int ATTACK_DISTANCE = 30;
    /** How many ticks ahead a move must still show (see {@link #visible}). */
    static final int LOOKAHEAD_TICKS = 6;

    enum Kind { MOVE, ATTACK, BLOCK, BLAST }

    /** An input to send: its kind and its JSON object. */
    record Action(Kind kind, String input) {}

    /** The effect of an input sent at {@code sentNanos} showed up {@code latencyNanos} later. */
    record Effect(Kind kind, long sentNanos, long latencyNanos) {}

    /** A fighter as the snapshot lists it. */
    record Seen(String player, int x, int y, boolean alive) {}

    private static final class Fighter {
        int x;
        int y;
        boolean alive = true;
    }

    private final String me;
    private final RandomGenerator random;
    private final Map<String, Fighter> fighters = new HashMap<>();
    private int arena;
    private boolean started;
    private long tick;
    private int vx;
    private int vy;
    private long attackReadyAt;
    private long blockReadyAt;
    private long blastReadyAt;
    private long blockUntil;
    private final long[] pendingSince = new long[Kind.values().length];
    private int pendingVx;
    private int pendingVy;
    private long unmatched;

    BattleBot(String me, RandomGenerator random) {
        this.me = me;
        this.random = random;
    }

    /** The state from {@code match.state}. Ready ticks are the first tick each action may be used. */
    void snapshot(long tick, boolean started, int arenaSize, List<Seen> seen, long attackReady, long blockReady,
                  long blastReady) {
        this.tick = Math.max(this.tick, tick);
        this.started |= started;
        this.arena = arenaSize;
        for (Seen s : seen) {
            Fighter f = fighters.computeIfAbsent(s.player(), k -> new Fighter());
            f.x = s.x();
            f.y = s.y();
            f.alive = s.alive();
        }
        attackReadyAt = Math.max(attackReadyAt, attackReady);
        blockReadyAt = Math.max(blockReadyAt, blockReady);
        blastReadyAt = Math.max(blastReadyAt, blastReady);
    }

    /** Applies one frame; returns the effects of this bot's inputs it shows. */
    List<Effect> onFrame(MatchFrames.Frame frame, long now) {
        List<Effect> effects = new ArrayList<>(2);
        long t = frame.tick();
        for (MatchFrames.Event e : frame.events()) {
            apply(e, t, now, effects);
        }
        tick = Math.max(tick, t);
        return effects;
    }

    private void apply(MatchFrames.Event e, long t, long now, List<Effect> effects) {
        if (e.type() == null) {
            return;
        }
        switch (e.type()) {
            case "battle_started" -> started = true;
            case "fighter" -> {
                Fighter f = fighters.computeIfAbsent(e.player(), k -> new Fighter());
                int nx = e.x() != null ? e.x() : f.x;
                int ny = e.y() != null ? e.y() : f.y;
                if (me.equals(e.player())) {
                    add(effects, moved(f, nx, ny, now));
                    if (Boolean.TRUE.equals(e.blocking())) {
                        blockUntil = t + ArenaBattle.BLOCK_TICKS;
                        blockReadyAt = Math.max(blockReadyAt, t + ArenaBattle.BLOCK_COOLDOWN_TICKS);
                        add(effects, resolve(Kind.BLOCK, now));
                    }
                }
                f.x = nx;
                f.y = ny;
                if (e.alive() != null) {
                    f.alive = e.alive();
                }
            }
            case "hit" -> {
                if (me.equals(e.attacker()) && "attack".equals(e.by())) {
                    attackReadyAt = Math.max(attackReadyAt, t + ArenaBattle.ATTACK_COOLDOWN_TICKS);
                    add(effects, resolve(Kind.ATTACK, now));
                }
            }
            case "blast" -> {
                if (me.equals(e.player())) {
                    blastReadyAt = Math.max(blastReadyAt, t + ArenaBattle.BLAST_COOLDOWN_TICKS);
                    add(effects, resolve(Kind.BLAST, now));
                }
            }
            case "eliminated" -> fighters.computeIfAbsent(e.player(), k -> new Fighter()).alive = false;
            case "fighter_removed" -> fighters.remove(e.player());
            default -> { }
        }
    }

    private static void add(List<Effect> effects, Effect e) {
        if (e != null) {
            effects.add(e);
        }
    }

    private Effect moved(Fighter f, int nx, int ny, long now) {
        if (pendingSince[Kind.MOVE.ordinal()] == 0) {
            return null;
        }
        int sx = nx - f.x;
        int sy = ny - f.y;
        boolean asNew = sx == clamp(f.x + pendingVx) - f.x && sy == clamp(f.y + pendingVy) - f.y;
        boolean asOld = sx == clamp(f.x + vx) - f.x && sy == clamp(f.y + vy) - f.y;
        if (asNew && !asOld) {
            vx = pendingVx;
            vy = pendingVy;
            return resolve(Kind.MOVE, now);
        }
        return null;
    }

    private Effect resolve(Kind kind, long now) {
        long sent = pendingSince[kind.ordinal()];
        if (sent == 0) {
            return null;
        }
        pendingSince[kind.ordinal()] = 0;
        return new Effect(kind, sent, now - sent);
    }

    /** The server refused an input with {@code code}: forget the inputs of the kinds it can belong to. */
    void refused(String code) {
        switch (code) {
            case "too_fast" -> clear(Kind.MOVE);
            case "out_of_range", "target_dead", "invalid_target" -> clear(Kind.ATTACK);
            case "blocking" -> {
                clear(Kind.ATTACK);
                clear(Kind.BLAST);
            }
            case "cooldown" -> {
                clear(Kind.ATTACK);
                clear(Kind.BLOCK);
                clear(Kind.BLAST);
            }
            default -> { }
        }
    }

    private void clear(Kind kind) {
        pendingSince[kind.ordinal()] = 0;
    }

    /**
     * The next input, or null when none makes sense now (not started, eliminated, or only a move would do and
     * one is still awaiting its effect). Gives up inputs older than {@link #TIMEOUT_NANOS} first.
     */
    Action next(long now) {
        for (Kind k : Kind.values()) {
            long sent = pendingSince[k.ordinal()];
            if (sent != 0 && now - sent > TIMEOUT_NANOS) {
                pendingSince[k.ordinal()] = 0;
                unmatched++;
            }
        }
        Fighter self = fighters.get(me);
        if (!started || self == null || !self.alive) {
            return null;
        }
        long at = tick + 1; // the earliest tick the input can apply in
        boolean blocking = at < blockUntil || pending(Kind.BLOCK);
        if (!blocking && !pending(Kind.BLAST) && at >= blastReadyAt && random.nextInt(20) == 0) {
            return send(Kind.BLAST, "{\"type\":\"blast\"}", now);
        }
        String target = null;
        long best = Long.MAX_VALUE;
        for (Map.Entry<String, Fighter> e : fighters.entrySet()) {
            Fighter f = e.getValue();
            if (f.alive && !e.getKey().equals(me)) {
                long d = dist2(self, f);
                if (d < best) {
                    best = d;
                    target = e.getKey();
                }
            }
        }
        if (target != null && !blocking && !pending(Kind.ATTACK) && at >= attackReadyAt
                && best <= (long) ATTACK_DISTANCE * ATTACK_DISTANCE) {
            return send(Kind.ATTACK, "{\"type\":\"attack\",\"target\":\"" + target + "\"}", now);
        }
        if (!pending(Kind.BLOCK) && at >= blockReadyAt && random.nextInt(30) == 0) {
            return send(Kind.BLOCK, "{\"type\":\"block\"}", now);
        }
        if (pending(Kind.MOVE)) {
            return null;
        }
        Fighter goal = target == null ? null : fighters.get(target);
        for (int attempt = 0; attempt < 8; attempt++) {
            double angle;
            if (goal == null) {
                angle = random.nextDouble() * 2 * Math.PI;
            } else {
                angle = Math.atan2(goal.y - self.y, goal.x - self.x);
                // close enough: circle the target instead of running into it
                angle += best <= 25L * 25 ? Math.PI / 2 : (random.nextDouble() - 0.5) * 0.8;
            }
            angle += attempt * 0.6; // the same velocity again would not show: turn a little
            double speed = 5 + random.nextInt(5);
            int dx = (int) Math.round(Math.cos(angle) * speed);
            int dy = (int) Math.round(Math.sin(angle) * speed);
            boolean legal = dx * dx + dy * dy <= ArenaBattle.MAX_SPEED * ArenaBattle.MAX_SPEED;
            boolean visible = visible(self.x, self.y, vx, vy, dx, dy, arena);
            if (legal && visible && (dx != 0 || dy != 0)) {
                pendingVx = dx;
                pendingVy = dy;
                return send(Kind.MOVE, "{\"type\":\"move\",\"dx\":" + dx + ",\"dy\":" + dy + "}", now);
            }
        }
        return null;
    }

    private Action send(Kind kind, String input, long now) {
        pendingSince[kind.ordinal()] = now == 0 ? 1 : now;
        return new Action(kind, input);
    }

    private boolean pending(Kind kind) {
        return pendingSince[kind.ordinal()] != 0;
    }

    /** Inputs whose effect never showed within the timeout. */
    long unmatched() {
        return unmatched;
    }

    long tick() {
        return tick;
    }

    String me() {
        return me;
    }

    private int clamp(int v) {
        return clamp(v, arena);
    }

    private static int clamp(int v, int arena) {
        return Math.max(0, Math.min(arena, v));
    }

    /**
     * Whether a move to velocity (dx, dy) shows as a step unlike the old velocity's, from where the fighter is
     * now and from where the old velocity takes it in the next {@link #LOOKAHEAD_TICKS} ticks: the input applies in
     * one of them (six ticks: 300 ms, beyond the latencies measured, so a late input is still seen when it lands).
     * Checked only from here, a move sent near a wall often applied a step later where the wall clamps both
     * velocities alike, its effect never showed, and the bot gave up after {@link #TIMEOUT_NANOS}: a 2 s
     * "latency" that was the bot's, not the server's.
     */
    static boolean visible(int x0, int y0, int vx, int vy, int dx, int dy, int arena) {
        for (int ahead = 0; ahead <= LOOKAHEAD_TICKS; ahead++) {
            int x = clamp(x0 + ahead * vx, arena);
            int y = clamp(y0 + ahead * vy, arena);
            if (clamp(x + dx, arena) - x == clamp(x + vx, arena) - x
                    && clamp(y + dy, arena) - y == clamp(y + vy, arena) - y) {
                return false;
            }
        }
        return true;
    }

    private static long dist2(Fighter a, Fighter b) {
        long dx = a.x - b.x;
        long dy = a.y - b.y;
        return dx * dx + dy * dy;
    }
}
