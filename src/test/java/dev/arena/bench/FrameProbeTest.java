package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameProbeTest {

    @Test
    void readsTypeAndSendTimeOfACompactRoomMessage() {
        String f = "{\"type\":\"room.message\",\"room\":\"bench-x-0\",\"seq\":7,\"from\":\"6679\","
                + "\"data\":{\"t\":123456789012345,\"n\":42},\"ts\":\"2026-11-25T10:00:00.123Z\"}";
        assertThat(FrameProbe.type(f)).isEqualTo("room.message");
        assertThat(FrameProbe.sendTime(f)).isEqualTo(123456789012345L);
    }

    @Test
    void toleratesSpacesAndOtherFieldOrders() {
        String f = "{ \"type\" : \"room.message\", \"data\" : { \"n\" : 1, \"t\" : -42 }, \"ts\":\"x\" }";
        assertThat(FrameProbe.type(f)).isEqualTo("room.message");
        assertThat(FrameProbe.sendTime(f)).isEqualTo(-42);
    }

    @Test
    void fallsBackToTheParserAndReportsAbsence() {
        assertThat(FrameProbe.sendTime("{\"type\":\"room.message\",\"data\":{\"t\":1.5e3}}")).isEqualTo(1500);
        assertThat(FrameProbe.sendTime("{\"type\":\"room.message\",\"data\":\"hello\"}")).isEqualTo(FrameProbe.NO_TIME);
        assertThat(FrameProbe.sendTime("{\"type\":\"welcome\"}")).isEqualTo(FrameProbe.NO_TIME);
        assertThat(FrameProbe.type("not json")).isNull();
        assertThat(FrameProbe.type("{\"rid\":1}")).isNull();
    }
}
