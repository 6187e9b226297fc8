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
                 {"type":"fighter","player":"b","alive":false}]}""");
        assertThat(f.tick()).isEqualTo(42);
        assertThat(f.events()).containsExactly(
                new MatchFrames.Event("fighter", "a", null, null, 10, null, true, null),
                new MatchFrames.Event("hit", null, "a", "attack", null, null, null, null),
                new MatchFrames.Event("player_disconnected", "c", null, null, null, null, null, null),
                new MatchFrames.Event("fighter", "b", null, null, null, null, null, false));
    }

    @Test
    void fieldOrderDoesNotMatterAndBrokenFramesAreRefused() {
        MatchFrames.Frame f = MatchFrames.read("{\"events\":[],\"tick\":7,\"type\":\"match.event\"}");
        assertThat(f.tick()).isEqualTo(7);
        assertThat(f.events()).isEmpty();
        assertThat(MatchFrames.read("{\"type\":\"match.event\"}").tick()).isEqualTo(-1);
        assertThatThrownBy(() -> MatchFrames.read("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchFrames.read("{\"tick\":")).isInstanceOf(IllegalArgumentException.class);
    }
}
