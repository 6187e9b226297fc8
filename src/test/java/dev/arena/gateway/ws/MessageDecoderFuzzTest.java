package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.arena.common.Json;
import io.vertx.core.json.JsonObject;

/**
 * Any text frame either decodes into a message or is refused with a {@link ProtocolError}: no other exception
 * (a NullPointerException, a ClassCastException, a StackOverflowError from deep nesting) may escape the decoder,
 * since the socket would then be closed with 1011 instead of answering the client with an error code.
 *
 * <p>In the normal suite this replays the committed inputs in
 * {@code src/test/resources/dev/arena/gateway/ws/MessageDecoderFuzzTestInputs/decodeOnlyRefusesWithProtocolErrors};
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=MessageDecoderFuzzTest} fuzzes it (docs/SECURITY.md).
 */
class MessageDecoderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void decodeOnlyRefusesWithProtocolErrors(@NotNull String frame) {
        try {
            JsonObject o = MessageDecoder.parse(frame);
            MessageDecoder.decode(o);
        } catch (ProtocolError expected) {
            // the client gets an error frame naming what is wrong
        }
    }

    /**
     * Whatever frame the room.send fast path ({@link RoomSendReader}) reads, the general path reads too, with the
     * same rid and room and the same value of data.
     */
    @FuzzTest(maxDuration = "5m")
    void roomSendFastPathAgreesWithTheGeneralPath(@NotNull String frame) {
        ClientMessage.RoomSend fast = RoomSendReader.read(frame);
        if (fast == null) {
            return;
        }
        ClientMessage slow = MessageDecoder.decode(MessageDecoder.parse(frame));
        assertThat(slow).isInstanceOf(ClientMessage.RoomSend.class);
        ClientMessage.RoomSend send = (ClientMessage.RoomSend) slow;
        assertThat(fast.rid()).isEqualTo(send.rid());
        assertThat(fast.room()).isEqualTo(send.room());
        assertThat(Json.parse(fast.data())).isEqualTo(Json.parse(send.data()));
    }
}
