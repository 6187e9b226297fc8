package dev.arena.match;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.arena.common.PlayerId;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * An input acknowledgement: the {@code seq} of the last numbered input of {@code player} the match's loop took
 * (the rules accepted or refused it, or it was over the player's per-tick budget). The state of the tick whose
 * frame carries it includes every effect that input and the player's earlier ones will ever have, so a client
 * that predicts its own inputs drops those up to {@code seq} and replays the rest on that state. Sent in
 * {@code match.event} ({@code acks}, the players acknowledged in that tick) and in {@code match.state} (every
 * seated player's last one), as a JSON object {@code {player id: seq}} ({@link AsObject}).
 */
public record InputAck(PlayerId player, long seq) {
    /** An input sent without a {@code seq}: it moves no acknowledgement. */
    public static final long NONE = -1;
    /** The largest {@code seq}: JavaScript's {@code Number.MAX_SAFE_INTEGER}, so every client reads it exactly. */
    public static final long MAX_SEQ = (1L << 53) - 1;
    /** What {@link #seq(Object)} says of a bad value (with the field's name in front). */
    public static final String SEQ_RULE = "must be an integer from 0 to " + MAX_SEQ;

    public InputAck {
        Objects.requireNonNull(player, "player");
        if (!valid(seq)) {
            throw new IllegalArgumentException("seq " + SEQ_RULE);
        }
    }

    public static boolean valid(long seq) {
        return seq >= 0 && seq <= MAX_SEQ;
    }

    /**
     * A client's {@code seq} as parsed JSON gave it: null for none ({@link #NONE}), else a JSON integer within
     * {@link #valid}; anything else (3.0, "3", -1, 2^53) is a {@link MalformedInput}.
     */
    public static long seq(Object value) {
        if (value == null) {
            return NONE;
        }
        if ((value instanceof Integer || value instanceof Long) && valid(((Number) value).longValue())) {
            return ((Number) value).longValue();
        }
        throw new MalformedInput("seq: " + SEQ_RULE);
    }

    /**
     * Writes a list of acknowledgements as one JSON object, {@code {"<player id>": seq, ...}}, without building a
     * map (a frame is written every tick of every match); an empty list counts as empty for
     * {@code JsonInclude.Include.NON_EMPTY}.
     */
    public static final class AsObject extends StdSerializer<List<InputAck>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public AsObject() {
            super((Class<List<InputAck>>) (Class) List.class);
        }

        @Override
        public void serialize(List<InputAck> acks, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < acks.size(); i++) {
                InputAck a = acks.get(i);
                g.writeFieldName(a.player().value().toString());
                g.writeNumber(a.seq());
            }
            g.writeEndObject();
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, List<InputAck> acks) {
            return acks == null || acks.isEmpty();
        }
    }
}
