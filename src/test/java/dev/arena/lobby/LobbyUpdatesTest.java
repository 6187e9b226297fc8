package dev.arena.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge rule of the lobby feed, over plain milliseconds. */
class LobbyUpdatesTest {
    private static final PlayerId HOST = new PlayerId(new UUID(0, 1));
    private static final MatchId G1 = new MatchId(new UUID(1, 1));
    private static final MatchId G2 = new MatchId(new UUID(1, 2));

    private final LobbyUpdates<LobbyMatch> updates = new LobbyUpdates<>(500, 2);

    private static LobbyMatch game(MatchId id, int players) {
        return new LobbyMatch(id, "arena_battle", "eu", HOST, players, 0, 2, 8, players < 8, "n1");
    }

    @Test
    void addedAndRemovedGoAtOnce() {
        assertThat(updates.observe(G1, game(G1, 1), 0)).containsExactly(new LobbyChange.Added(game(G1, 1)));
        assertThat(updates.observe(G1, null, 1)).containsExactly(new LobbyChange.Removed(game(G1, 1)));
        assertThat(updates.observe(G1, null, 2)).isEmpty(); // not listed: nothing to remove
        assertThat(updates.sent()).isEmpty();
    }

    @Test
    void updatesOfOneGameAreMergedToOnePerIntervalWithTheLatestState() {
        updates.observe(G1, game(G1, 1), 1000);
        assertThat(updates.observe(G1, game(G1, 2), 1100)).isEmpty();
        assertThat(updates.observe(G1, game(G1, 3), 1200)).isEmpty();
        assertThat(updates.pending()).isTrue();
        assertThat(updates.flush(1499)).isEmpty();
        assertThat(updates.flush(1500)).containsExactly(new LobbyChange.Updated(game(G1, 3)));
        assertThat(updates.pending()).isFalse();
        assertThat(updates.flush(5000)).isEmpty();

        // a change long after the last message goes at once, the next one waits again
        assertThat(updates.observe(G1, game(G1, 4), 2000)).containsExactly(new LobbyChange.Updated(game(G1, 4)));
        assertThat(updates.observe(G1, game(G1, 5), 2001)).isEmpty();
        assertThat(updates.sent()).containsExactly(game(G1, 4));
    }

    @Test
    void aChangeBackToWhatWasSentIsDropped() {
        updates.observe(G1, game(G1, 1), 0);
        updates.observe(G1, game(G1, 2), 100);
        assertThat(updates.observe(G1, game(G1, 1), 200)).isEmpty();
        assertThat(updates.pending()).isFalse();
        assertThat(updates.flush(10_000)).isEmpty();
    }

    @Test
    void aRemovalDropsAWaitingUpdate() {
        updates.observe(G1, game(G1, 1), 0);
        updates.observe(G1, game(G1, 2), 100);
        assertThat(updates.observe(G1, null, 200)).containsExactly(new LobbyChange.Removed(game(G1, 1)));
        assertThat(updates.flush(10_000)).isEmpty();
    }

    @Test
    void aFlushSendsAtMostItsCapTheLongestWaitingFirst() {
        MatchId g3 = new MatchId(new UUID(1, 3));
        updates.observe(G2, game(G2, 1), 100);
        updates.observe(G1, game(G1, 1), 0);
        updates.observe(g3, game(g3, 1), 200);
        for (MatchId id : List.of(G1, G2, g3)) {
            updates.observe(id, game(id, 2), 300);
        }
        assertThat(updates.flush(1000)).containsExactly(new LobbyChange.Updated(game(G1, 2)),
                new LobbyChange.Updated(game(G2, 2)));
        assertThat(updates.flush(1000)).containsExactly(new LobbyChange.Updated(game(g3, 2)));
    }
}
