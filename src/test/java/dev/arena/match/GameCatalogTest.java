package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.ConnectFour;
import java.util.List;
import org.junit.jupiter.api.Test;

class GameCatalogTest {

    @Test
    void theServiceLoaderFindsTheBuiltInGamesAndOnesAddedOnTheClasspath() {
        GameCatalog games = GameCatalog.load();
        // tally is registered by src/test/resources/META-INF/services, as a studio's jar would register its game
        assertThat(games.games()).extracting(GameInfo::mode).containsExactly("arena_battle", "connect_four", "relay", "tally");
        assertThat(games.require("arena_battle").info())
                .isEqualTo(new GameInfo("arena_battle", 20, new PlayerLimits(2, 8)));
        assertThat(games.require("connect_four").info())
                .isEqualTo(new GameInfo("connect_four", 10, new PlayerLimits(2, 2)));
        assertThat(games.require("relay").relayed()).isTrue();
        assertThat(games.require("connect_four").relayed()).isFalse();
        assertThat(games.find("chess")).isEmpty();
    }

    @Test
    void anUnknownModeIsAnInvalidField() {
        assertThatThrownBy(() -> GameCatalog.load().require("chess"))
                .isInstanceOfSatisfying(ArenaException.Invalid.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("mode"));
    }

    @Test
    void twoGamesClaimingOneModeFailTheLoad() {
        assertThatThrownBy(() -> GameCatalog.of(List.of(new ArenaBattle(), new ConnectFour(), new ArenaBattle())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("arena_battle");
    }

    @Test
    void gameInfoEnforcesTheTickRateAndNameRules() {
        PlayerLimits two = new PlayerLimits(2, 2);
        assertThatThrownBy(() -> new GameInfo("x", 0, two)).hasMessageContaining("1-60");
        assertThatThrownBy(() -> new GameInfo("x", 61, two)).hasMessageContaining("1-60");
        assertThatThrownBy(() -> new GameInfo("Chess!", 10, two)).hasMessageContaining("a-z");
        assertThatThrownBy(() -> new PlayerLimits(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlayerLimits(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new GameInfo("x", 20, two).ticks(java.time.Duration.ofMillis(1001))).isEqualTo(21);
    }
}
