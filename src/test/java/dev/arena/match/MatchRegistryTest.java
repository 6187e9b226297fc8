package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchRegistryTest {
    private final ManualTickScheduler clock = new ManualTickScheduler();
    private final RecordingListener out = new RecordingListener();
    private final MatchRegistry registry = new MatchRegistry(GameCatalog.load(), List.of(clock),
            MatchConfig.defaults().withEmptyTimeout(Duration.ofSeconds(1)), out, new Random(1));

    @Test
    void createdMatchesTickFindAndListUntilTheyEnd() {
        MatchLoop<?, ?, ?> four = registry.create(new MatchRegistry.Create("connect_four", null, Map.of()));
        MatchLoop<?, ?, ?> battle = registry.create(new MatchRegistry.Create("arena_battle", 4,
                Map.of("time_limit_seconds", 60)));
        assertThat(registry.find(four.id())).containsSame(four);
        assertThat(battle.maxPlayers()).isEqualTo(4);
        PlayerId p = new PlayerId(new UUID(0, 7));
        four.join(p);
        clock.advance(Duration.ofMillis(100));
        assertThat(registry.list("connect_four", MatchStatus.WAITING)).extracting(MatchView::id)
                .containsExactly(four.id());
        assertThat(registry.list(null, null)).hasSize(2);

        clock.advance(Duration.ofSeconds(2)); // the battle stays empty for 1 s and ends
        assertThat(battle.status()).isEqualTo(MatchStatus.FINISHED);
        assertThat(registry.find(battle.id())).isEmpty();
        assertThat(out.ends).extracting(MatchEnd::match).containsExactly(battle.id());
        assertThat(registry.size()).isEqualTo(1);

        registry.stopAll("shutdown");
        clock.advance(Duration.ofMillis(100));
        assertThat(registry.size()).isZero();
        assertThat(out.ends.getLast().result().reason()).isEqualTo("shutdown");
    }

    @Test
    void invalidRequestsNameEveryField() {
        assertThatThrownBy(() -> registry.create(new MatchRegistry.Create("connect_four", 3,
                Map.of("turn_seconds", 2))))
                .isInstanceOfSatisfying(ArenaException.Invalid.class, e -> assertThat(e.errors())
                        .extracting(ArenaException.FieldError::field)
                        .containsExactlyInAnyOrder("settings.turn_seconds", "max_players"));
        assertThatThrownBy(() -> registry.create(new MatchRegistry.Create("go", null, null)))
                .isInstanceOf(ArenaException.Invalid.class);
        assertThat(registry.size()).isZero();
    }
}
