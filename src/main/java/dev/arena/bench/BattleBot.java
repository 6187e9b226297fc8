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
 * only when its cooldown has run out as far as the frames show), numbers each one ({@code seq}), and times it to
 * the frame that acknowledges it ({@code acks}, docs/PROTOCOL.md "Input acknowledgements"): the frame of the tick
 * that took it, whose state includes its effect. That gives every kind of input the same exact input-to-state
 * latency, applied or refused by the rules; before the server acknowledged inputs, the bot guessed from each kind's
 * effect, and a move (seen only as a changed step, which the walls can hide) got a tail that was the bot's own.
 *
 * <p>At most one input of each kind is awaiting its acknowledgement at a time (the pace the bench has always sent
 * at). An input refused at once (its {@code rid} is its {@code seq}) is forgotten; one never acknowledged within
 * {@link #TIMEOUT_NANOS} is given up ({@link #unmatched()}). Pure (time is passed in); owned by one socket's event
 * loop.
 */
final class BattleBot {
    static final long TIMEOUT_NANOS = 2_000_000_000L;
    /** Attack only this close: the range is 60, and both fighters move up to 10 units per tick meanwhile. */
    static final int ATTACK_DISTANCE = 30;

    enum Kind { MOVE, ATTACK, BLOCK, BLAST }

    /** An input to send: its kind, its JSON object and its number. */
    record Action(Kind kind, String input, long seq) {}

    /** The input of {@code kind} sent at {@code sentNanos} was acknowledged {@code latencyNanos} later. */
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
    private boolean started;
    private long tick;
    private long attackReadyAt;
    private long blockReadyAt;
    private long blastReadyAt;
    private long blockUntil;
    /** Per kind: when the awaited input was sent (0: none awaited) and its seq. */
    private final long[] pendingSince = new long[Kind.values().length];
    private final long[] pendingSeq = new long[Kind.values().length];
    private long lastSeq;
    private long unmatched;

    BattleBot(String me, RandomGenerator random) {
        this.me = me;
        this.random = random;
    }

    /** The state from {@code match.state}. Ready ticks are the first tick each action may be used. */
    void snapshot(long tick, boolean started, List<Seen> seen, long attackReady, long blockReady, long blastReady) {
        this.tick = Math.max(this.tick, tick);
        this.started |= started;
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

    /** Applies one frame; returns the inputs of this bot its acknowledgement covers. */
    List<Effect> onFrame(MatchFrames.Frame frame, long now) {
        long t = frame.tick();
        for (MatchFrames.Event e : frame.events()) {
            apply(e, t);
        }
        tick = Math.max(tick, t);
        return frame.ack() < 0 ? List.of() : acked(frame.ack(), now);
    }

    private void apply(MatchFrames.Event e, long t) {
        if (e.type() == null) {
            return;
        }
        switch (e.type()) {
            case "battle_started" -> started = true;
            case "fighter" -> {
                Fighter f = fighters.computeIfAbsent(e.player(), k -> new Fighter());
                if (e.x() != null) {
                    f.x = e.x();
                }
                if (e.y() != null) {
                    f.y = e.y();
                }
                if (e.alive() != null) {
                    f.alive = e.alive();
                }
                if (me.equals(e.player()) && Boolean.TRUE.equals(e.blocking())) {
                    blockUntil = t + ArenaBattle.BLOCK_TICKS;
                    blockReadyAt = Math.max(blockReadyAt, t + ArenaBattle.BLOCK_COOLDOWN_TICKS);
                }
            }
            case "hit" -> {
                if (me.equals(e.attacker()) && "attack".equals(e.by())) {
                    attackReadyAt = Math.max(attackReadyAt, t + ArenaBattle.ATTACK_COOLDOWN_TICKS);
                }
            }
            case "blast" -> {
                if (me.equals(e.player())) {
                    blastReadyAt = Math.max(blastReadyAt, t + ArenaBattle.BLAST_COOLDOWN_TICKS);
                }
            }
            case "eliminated" -> fighters.computeIfAbsent(e.player(), k -> new Fighter()).alive = false;
            case "fighter_removed" -> fighters.remove(e.player());
            default -> { }
        }
    }

    /** The match took this bot's inputs up to {@code seq} (the server takes each player's inputs in order). */
    List<Effect> acked(long seq, long now) {
        List<Effect> effects = null;
        for (Kind k : Kind.values()) {
            long sent = pendingSince[k.ordinal()];
            if (sent != 0 && pendingSeq[k.ordinal()] <= seq) {
                pendingSince[k.ordinal()] = 0;
                (effects == null ? effects = new ArrayList<>(2) : effects).add(new Effect(k, sent, now - sent));
            }
        }
        return effects == null ? List.of() : effects;
    }

    /** The server refused the input numbered {@code seq} at once (busy, ended): it never reaches a tick. */
    void refusedAtOnce(long seq) {
        for (Kind k : Kind.values()) {
            if (pendingSince[k.ordinal()] != 0 && pendingSeq[k.ordinal()] == seq) {
                pendingSince[k.ordinal()] = 0;
            }
        }
    }

    /**
     * The next input, or null when none makes sense now (not started, eliminated, or only a move would do and
     * one is still awaiting its acknowledgement). Gives up inputs older than {@link #TIMEOUT_NANOS} first.
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
        double angle;
        if (goal == null) {
            angle = random.nextDouble() * 2 * Math.PI;
        } else {
            angle = Math.atan2(goal.y - self.y, goal.x - self.x);
            // close enough: circle the target instead of running into it
            angle += best <= 25L * 25 ? Math.PI / 2 : (random.nextDouble() - 0.5) * 0.8;
        }
        double speed = 5 + random.nextInt(5); // at most 9: rounded, still within MAX_SPEED on the diagonal
        int dx = (int) Math.round(Math.cos(angle) * speed);
        int dy = (int) Math.round(Math.sin(angle) * speed);
        return send(Kind.MOVE, "{\"type\":\"move\",\"dx\":" + dx + ",\"dy\":" + dy + "}", now);
    }

    private Action send(Kind kind, String input, long now) {
        long seq = ++lastSeq;
        pendingSince[kind.ordinal()] = now == 0 ? 1 : now;
        pendingSeq[kind.ordinal()] = seq;
        return new Action(kind, input, seq);
    }

    private boolean pending(Kind kind) {
        return pendingSince[kind.ordinal()] != 0;
    }

    /** Inputs never acknowledged within the timeout. */
    long unmatched() {
        return unmatched;
    }

    long tick() {
        return tick;
    }

    String me() {
        return me;
    }

    private static long dist2(Fighter a, Fighter b) {
        long dx = a.x - b.x;
        long dy = a.y - b.y;
        return dx * dx + dy * dy;
    }
}
