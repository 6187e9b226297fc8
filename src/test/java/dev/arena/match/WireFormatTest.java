package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.games.ArenaBattle;
import dev.arena.match.games.BattleEvent;
import dev.arena.match.games.ConnectFour;
import dev.arena.match.games.FourEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the gateway will put in match.event / match.state / match.end: each record owns its JSON. */
class WireFormatTest {
    private static final PlayerId A = new PlayerId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final PlayerId B = new PlayerId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    @Test
    void eventsAreSnakeCaseWithTheirTypeFirstAndDeltasCarryOnlyWhatChanged() {
        assertThat(Json.encodeToString(new BattleEvent.FighterDelta(A, 5, null, null, null, null)))
                .isEqualTo("{\"type\":\"fighter\",\"player\":\"00000000-0000-0000-0000-00000000000a\",\"x\":5}");
        assertThat(Json.encodeToString(new BattleEvent.Hit(A, B, 3, true, "attack"))).isEqualTo(
                "{\"type\":\"hit\",\"attacker\":\"00000000-0000-0000-0000-00000000000a\","
                        + "\"target\":\"00000000-0000-0000-0000-00000000000b\",\"damage\":3,\"blocked\":true,"
                        + "\"by\":\"attack\"}");
        assertThat(Json.encodeToString(new MatchEvent.PlayerDisconnected(A, 22))).isEqualTo(
                "{\"type\":\"player_disconnected\",\"player\":\"00000000-0000-0000-0000-00000000000a\","
                        + "\"forfeit_at_tick\":22}");
        assertThat(Json.encodeToString(new FourEvent.GameOver(null, "board_full")))
                .isEqualTo("{\"type\":\"game_over\",\"winner\":null,\"reason\":\"board_full\"}");
    }

    @Test
    void snapshotsAndResultsSerialise() {
        ManualTickScheduler clock = new ManualTickScheduler();
        MatchLoop<?, ?, ?> loop = MatchLoop.create(new ConnectFour(),
                new MatchSpec(new MatchId(new UUID(0, 1)), 1, Map.of(), MatchConfig.defaults()), clock,
                MatchListener.NONE);
        loop.join(A);
        loop.join(B);
        loop.tick();
        loop.leave(A);
        loop.tick();
        Map<?, ?> view = Json.MAPPER.convertValue(loop.view(), Map.class);
        assertThat(view.get("status")).isEqualTo("finished");
        assertThat(view.get("tick_rate")).isEqualTo(10);
        assertThat(((Map<?, ?>) view.get("state")).get("rows")).isEqualTo(List.of(".......", ".......", ".......",
                ".......", ".......", "......."));
        assertThat(((Map<?, ?>) view.get("result")).get("outcome")).isEqualTo(Map.of("type", "winner", "player",
                B.toString()));
        assertThat(((Map<?, ?>) view.get("result")).get("standings")).isEqualTo(List.of(
                Map.of("player", B.toString(), "place", 1, "score", 1L), Map.of("player", A.toString(), "place", 2,
                        "score", 0L)));

        MatchLoop<?, ?, ?> battle = MatchLoop.create(new ArenaBattle(),
                new MatchSpec(new MatchId(new UUID(0, 2)), 1, Map.of(), MatchConfig.defaults()), clock,
                MatchListener.NONE);
        battle.join(A);
        battle.tick();
        Map<?, ?> state = (Map<?, ?>) Json.MAPPER.convertValue(battle.view(), Map.class).get("state");
        assertThat(List.<Object>copyOf(state.keySet())).contains("arena_size", "attack_range", "blast_radius",
                "fighters");
        Map<?, ?> fighter = (Map<?, ?>) ((List<?>) state.get("fighters")).getFirst();
        assertThat(List.<Object>copyOf(fighter.keySet())).contains("player", "x", "y", "hp", "blocking",
                "attack_ready_at");
    }
}
