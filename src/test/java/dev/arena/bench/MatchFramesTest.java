package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchFramesTest {

    @Test
    void readsTheTickAndTheFieldsOfEveryEventSkippingTheRest() {
        MatchFrames.Frame f = MatchFrames.read("""
                {"type":"match.event","game_id":"g","tick":42,"events":[
                 {"type":"fighter","player":"a","x":10,"hp":90,"blocking":true},
                 {"type":"hit","attacker":"a","target":"b","damage":10,"blocked":false,"by":"attack"},
                 {"type":"player_disconnected","player":"c","forfeit_at_tick":442,"extra":{"nested":[1,2]}},
                 {"type":"fighter","player":"b","alive":false}]}""", "a");
        assertThat(f.tick()).isEqualTo(42);
        assertThat(f.ack()).isEqualTo(-1);
        assertThat(f.events()).containsExactly(
                new MatchFrames.Event("fighter", "a", null, null, 10, null, true, null),
                new MatchFrames.Event("hit", null, "a", "attack", null, null, null, null),
                new MatchFrames.Event("player_disconnected", "c", null, null, null, null, null, null),
                new MatchFrames.Event("fighter", "b", null, null, null, null, null, false));
    }

    @Test
    void keepsOnlyTheReadersOwnAcknowledgement() {
        String frame = "{\"type\":\"match.event\",\"tick\":9,\"acks\":{\"b\":3,\"a\":9007199254740991,\"c\":{\"x\":1}},"
                + "\"events\":[]}";
        assertThat(MatchFrames.read(frame, "a").ack()).isEqualTo(9_007_199_254_740_991L);
        assertThat(MatchFrames.read(frame, "b").ack()).isEqualTo(3);
        assertThat(MatchFrames.read(frame, "c").ack()).isEqualTo(-1); // not a number
        MatchFrames.Frame d = MatchFrames.read(frame, "d");
        assertThat(d.ack()).isEqualTo(-1);
        assertThat(d.tick()).isEqualTo(9);
    }

    @Test
    void fieldOrderDoesNotMatterAndBrokenFramesAreRefused() {
        MatchFrames.Frame f = MatchFrames.read("{\"events\":[],\"tick\":7,\"type\":\"match.event\"}", "a");
        assertThat(f.tick()).isEqualTo(7);
        assertThat(f.events()).isEmpty();
        assertThat(MatchFrames.read("{\"type\":\"match.event\"}", "a").tick()).isEqualTo(-1);
        assertThatThrownBy(() -> MatchFrames.read("[1]", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchFrames.read("{\"tick\":", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
