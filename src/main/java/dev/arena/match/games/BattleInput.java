package dev.arena.match.games;

import dev.arena.common.PlayerId;
import dev.arena.match.MalformedInput;
import dev.arena.match.RawInput;
import java.util.Map;
import java.util.Objects;

/** What an {@code arena_battle} player can send ({@code match.input {data: ...}}). */
public sealed interface BattleInput {

    /** Sets the velocity (units per tick) kept until the next move; {@code dx² + dy² <= MAX_SPEED²}. */
    record Move(int dx, int dy) implements BattleInput {}

    /** Strikes one other fighter within {@code ATTACK_RANGE} at the coming tick. */
    record Attack(PlayerId target) implements BattleInput {
        public Attack {
            Objects.requireNonNull(target, "target");
        }
    }

    /** Raises the guard for {@code BLOCK_TICKS} ticks: damage taken is cut to 30%. */
    record Block() implements BattleInput {}

    /** The ability: damages every other fighter within {@code BLAST_RADIUS}. */
    record Blast() implements BattleInput {}

    static BattleInput decode(Map<String, ?> raw) {
        RawInput in = new RawInput(raw);
        return switch (in.type()) {
            case "move" -> new Move(in.integer("dx"), in.integer("dy"));
            case "attack" -> new Attack(in.player("target"));
            case "block" -> new Block();
            case "blast" -> new Blast();
            default -> throw new MalformedInput("unknown input type '" + in.type() + "'");
        };
    }

    static Map<String, Object> encode(BattleInput input) {
        return switch (input) {
            case Move m -> Map.of("type", "move", "dx", m.dx(), "dy", m.dy());
            case Attack a -> Map.of("type", "attack", "target", a.target().toString());
            case Block b -> Map.of("type", "block");
            case Blast b -> Map.of("type", "blast");
        };
    }
}
