package dev.arena.match.games;

import dev.arena.match.MalformedInput;
import dev.arena.match.RawInput;
import java.util.Map;

/** What a {@code connect_four} player can send. */
public sealed interface FourInput {

    /** Drops a disc into {@code column} (0–6, left to right). */
    record Drop(int column) implements FourInput {}

    static FourInput decode(Map<String, ?> raw) {
        RawInput in = new RawInput(raw);
        if (!in.type().equals("drop")) {
            throw new MalformedInput("unknown input type '" + in.type() + "'");
        }
        return new Drop(in.integer("column"));
    }

    static Map<String, Object> encode(FourInput input) {
        return switch (input) {
            case Drop d -> Map.of("type", "drop", "column", d.column());
        };
    }
}
