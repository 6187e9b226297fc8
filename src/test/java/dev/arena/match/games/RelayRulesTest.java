package dev.arena.match.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.InputResult;
import dev.arena.match.MatchResult;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** relay's own rules: it relays, never decides, and bounds a forgotten match in time and log size. */
class RelayRulesTest {
    final Relay game = new Relay();
    final RelayRules rules = (RelayRules) game.rules();
    final PlayerId a = new PlayerId(UUID.randomUUID());

    RelayRules.State started(Map<String, Object> settings) {
        RelayRules.State s = rules.init(1, game.settings(settings));
        s = rules.join(s, a).state();
        return rules.start(s, 10).state();
    }

    @Test
    void inputsAreRelayedAsTheyCameAndNeverEndTheMatch() {
        RelayRules.State s = started(Map.of());
        InputResult<RelayRules.State> r = rules.input(s, a, rules.decodeInput(Map.of("type", "shoot", "x", 3)));
        InputResult.Accepted<RelayRules.State> ok = (InputResult.Accepted<RelayRules.State>) r;
        assertThat(ok.events()).containsExactly(new RelayRules.Relayed(a, Map.of("type", "shoot", "x", 3)));
        assertThat(ok.state().relayed()).isEqualTo(1);
        assertThat(rules.result(ok.state())).isEmpty();
    }

    @Test
    void aMatchThatOutlivesItsTimeLimitIsAbandoned() {
        RelayRules.State s = started(Map.of("max_minutes", 1));
        long deadline = 10 + 60L * Relay.TICK_RATE;
        assertThat(rules.result(rules.tick(s, deadline - 1).state())).isEmpty();
        assertThat(rules.result(rules.tick(s, deadline).state()))
                .contains(MatchResult.abandoned("time_limit"));
    }

    @Test
    void inputsBeyondTheLogLimitAreRefused() {
        RelayRules.State s = started(Map.of("max_inputs", 2));
        for (int i = 0; i < 2; i++) {
            s = ((InputResult.Accepted<RelayRules.State>) rules.input(s, a, rules.decodeInput(Map.of("n", i)))).state();
        }
        InputResult<RelayRules.State> refused = rules.input(s, a, rules.decodeInput(Map.of("n", 3)));
        assertThat(refused).isInstanceOf(InputResult.Rejected.class);
        assertThat(((InputResult.Rejected<RelayRules.State>) refused).code()).isEqualTo("log_full");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> game.settings(Map.of("max_minutes", 0))).isInstanceOf(ArenaException.Invalid.class);
        assertThatThrownBy(() -> game.settings(Map.of("colour", "red"))).isInstanceOf(ArenaException.Invalid.class);
        assertThat(game.settings(Map.of())).isEqualTo(Relay.Settings.DEFAULTS);
    }
}
