package dev.arena.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The other nodes' games as a node mirrors them: messages, a resync racing with messages, a node gone. */
class LobbyMirrorTest {
    private static final PlayerId HOST = new PlayerId(UUID.randomUUID());

    static LobbyMatch game(MatchId id, String node, int players) {
        return new LobbyMatch(id, "arena_battle", null, HOST, players, 0, 2, 4, players < 4, node);
    }

    @Test
    void messagesAreAppliedAndPassedOn() {
        LobbyMirror m = new LobbyMirror();
        MatchId id = MatchId.random();
        List<LobbyChange> added = List.of(new LobbyChange.Added(game(id, "n1", 1)));
        assertThat(m.apply(added)).isEqualTo(added);
        m.apply(List.of(new LobbyChange.Updated(game(id, "n1", 2))));
        assertThat(m.games()).containsExactly(game(id, "n1", 2));
        m.apply(List.of(new LobbyChange.Removed(game(id, "n1", 2))));
        assertThat(m.games()).isEmpty();
    }

    @Test
    void aResyncAddsUpdatesAndRemovesButMessagesReceivedMeanwhileWin() {
        LobbyMirror m = new LobbyMirror();
        MatchId kept = MatchId.random();
        MatchId stale = MatchId.random();
        MatchId changed = MatchId.random();
        MatchId fresh = MatchId.random();
        MatchId otherNode = MatchId.random();
        m.apply(List.of(new LobbyChange.Added(game(kept, "n1", 1)), new LobbyChange.Added(game(stale, "n1", 1)),
                new LobbyChange.Added(game(otherNode, "n3", 1))));

        m.resyncing();
        MatchId started = MatchId.random();
        // while the lists travel: a game appears and goes (its removal is newer than n1's list)
        m.apply(List.of(new LobbyChange.Added(game(started, "n1", 1))));
        m.apply(List.of(new LobbyChange.Removed(game(started, "n1", 1))));
        List<LobbyChange> out = m.resynced(Map.of("n1", List.of(game(kept, "n1", 2), game(fresh, "n1", 1),
                game(started, "n1", 1)), "n2", List.of(game(changed, "n2", 3))));

        assertThat(out).containsExactlyInAnyOrder(new LobbyChange.Updated(game(kept, "n1", 2)),
                new LobbyChange.Added(game(fresh, "n1", 1)), new LobbyChange.Added(game(changed, "n2", 3)),
                new LobbyChange.Removed(game(stale, "n1", 1)));
        // n3 did not answer: its games stay until it is found gone
        assertThat(m.games()).contains(game(otherNode, "n3", 1)).doesNotContain(game(started, "n1", 1));
        assertThat(m.keepOnly(List.of("n1", "n2"))).containsExactly(new LobbyChange.Removed(game(otherNode, "n3", 1)));
        assertThat(m.games()).hasSize(3);
    }
}
