package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.InputAck;
import dev.arena.match.MatchEvent;
import dev.arena.match.MatchId;
import dev.arena.match.TickFrame;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code seq} on {@code match.input} and {@code acks} in {@code match.event}: their exact wire forms. */
class MatchAcksWireTest {
    private static final MatchId GAME = new MatchId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
    private static final PlayerId A = new PlayerId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final PlayerId B = new PlayerId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    @Test
    void aFrameCarriesTheMovedAcknowledgementsAsOneObjectAndLeavesThemOutWhenNone() {
        String head = "{\"type\":\"match.event\",\"game_id\":\"00000000-0000-0000-0000-0000000000aa\",\"tick\":9,";
        assertThat(Json.encodeToString(ServerMessage.MatchFrame.of(new TickFrame(GAME, 9,
                List.of(new MatchEvent.PlayerJoined(A)), List.of(new InputAck(A, 12), new InputAck(B, 0))))))
                .isEqualTo(head + "\"events\":[{\"type\":\"player_joined\","
                        + "\"player\":\"00000000-0000-0000-0000-00000000000a\"}],"
                        + "\"acks\":{\"00000000-0000-0000-0000-00000000000a\":12,"
                        + "\"00000000-0000-0000-0000-00000000000b\":0}}");
        assertThat(Json.encodeToString(ServerMessage.MatchFrame.of(new TickFrame(GAME, 9, List.of(),
                List.of(new InputAck(B, InputAck.MAX_SEQ))))))
                .isEqualTo(head + "\"events\":[],\"acks\":{\"00000000-0000-0000-0000-00000000000b\":9007199254740991}}");
        assertThat(Json.encodeToString(ServerMessage.MatchFrame.of(new TickFrame(GAME, 9,
                List.of(new MatchEvent.PlayerJoined(A))))))
                .isEqualTo(head + "\"events\":[{\"type\":\"player_joined\","
                        + "\"player\":\"00000000-0000-0000-0000-00000000000a\"}]}");
    }

    @Test
    void anInputsSeqIsOptionalAndAnythingButASafeNonNegativeIntegerIsMalformed() {
        String input = "{\"type\":\"match.input\",\"rid\":5,\"game_id\":\"" + GAME.value()
                + "\",\"input\":{\"type\":\"drop\",\"column\":3}";
        assertThat(((ClientMessage.MatchInput) decode(input + "}")).seq()).isEqualTo(InputAck.NONE);
        assertThat(((ClientMessage.MatchInput) decode(input + ",\"seq\":null}")).seq()).isEqualTo(InputAck.NONE);
        assertThat(((ClientMessage.MatchInput) decode(input + ",\"seq\":0}")).seq()).isZero();
        assertThat(((ClientMessage.MatchInput) decode(input + ",\"seq\":9007199254740991}")).seq())
                .isEqualTo(InputAck.MAX_SEQ);
        for (String bad : List.of("-1", "9007199254740992", "1.0", "1e3", "\"1\"", "true", "[1]",
                "123456789012345678901234567890")) {
            assertThatThrownBy(() -> decode(input + ",\"seq\":" + bad + "}")).as(bad)
                    .isInstanceOfSatisfying(ProtocolError.class, e -> {
                        assertThat(e.code).isEqualTo("malformed");
                        assertThat(e.rid).isEqualTo(5);
                        assertThat(e.abusive).isFalse();
                        assertThat(e.getMessage()).startsWith("seq: ");
                    });
        }
    }

    private static ClientMessage decode(String text) {
        return MessageDecoder.decode(MessageDecoder.parse(text));
    }
}
