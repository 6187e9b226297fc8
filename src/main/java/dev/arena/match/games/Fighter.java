package dev.arena.match.games;

import dev.arena.common.PlayerId;

/**
 * One fighter of {@code arena_battle}. Positions and speeds are integers (units, units per tick): no floating
 * point, so every machine computes the same match. Tick fields are absolute tick numbers.
 *
 * @param vx             velocity, kept until the next move input
 * @param blockFrom      first tick of the current or last block
 * @param blockUntil     first tick after it (blocking while {@code blockFrom <= t < blockUntil})
 * @param attackTarget   the attack accepted for the coming tick, null if none
 * @param blastPending   a blast accepted for the coming tick
 * @param outAt          the tick the fighter died or forfeited; 0 while alive
 */
public record Fighter(PlayerId id, int x, int y, int vx, int vy, int hp, long attackReadyAt, long blockFrom,
                      long blockUntil, long blockReadyAt, long blastReadyAt, PlayerId attackTarget,
                      boolean blastPending, boolean alive, long outAt, boolean forfeited, long damageDealt) {

    static Fighter spawn(PlayerId id, int x, int y, int hp) {
        return new Fighter(id, x, y, 0, 0, hp, 0, 0, 0, 0, 0, null, false, true, 0, false, 0);
    }

    public boolean blocking(long tick) {
        return blockFrom <= tick && tick < blockUntil;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy, for the rules to change several fields at once. */
    static final class Builder {
        final PlayerId id;
        int x, y, vx, vy, hp;
        long attackReadyAt, blockFrom, blockUntil, blockReadyAt, blastReadyAt;
        PlayerId attackTarget;
        boolean blastPending, alive, forfeited;
        long outAt, damageDealt;

        Builder(Fighter f) {
            id = f.id;
            x = f.x;
            y = f.y;
            vx = f.vx;
            vy = f.vy;
            hp = f.hp;
            attackReadyAt = f.attackReadyAt;
            blockFrom = f.blockFrom;
            blockUntil = f.blockUntil;
            blockReadyAt = f.blockReadyAt;
            blastReadyAt = f.blastReadyAt;
            attackTarget = f.attackTarget;
            blastPending = f.blastPending;
            alive = f.alive;
            outAt = f.outAt;
            forfeited = f.forfeited;
            damageDealt = f.damageDealt;
        }

        boolean blocking(long tick) {
            return blockFrom <= tick && tick < blockUntil;
        }

        Fighter build() {
            return new Fighter(id, x, y, vx, vy, hp, attackReadyAt, blockFrom, blockUntil, blockReadyAt, blastReadyAt,
                    attackTarget, blastPending, alive, outAt, forfeited, damageDealt);
        }
    }
}
