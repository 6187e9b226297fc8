package dev.arena.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The other nodes' games as a node mirrors them: messages, a resync racing with messages, a node gone; open games
 * and live matches; the changes as they travel between nodes.
 */
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

    static LiveMatch live(MatchId id, String node) {
        return new LiveMatch(id, "arena_battle", null, List.of(new LiveMatch.Seat(HOST)), 0, node);
    }

    @Test
    void aGameIsInBothListsForAMomentAndEachListKeepsItsOwn() {
        LobbyMirror m = new LobbyMirror();
        MatchId id = MatchId.random();
        m.apply(List.of(new LobbyChange.Added(game(id, "n1", 2))));
        // the start: the live match is added before the open game's removal is applied (separate messages)
        m.apply(List.of(new LobbyChange.Added(live(id, "n1"))));
        assertThat(m.games()).containsExactlyInAnyOrder(game(id, "n1", 2), live(id, "n1"));
        m.apply(List.of(new LobbyChange.Removed(game(id, "n1", 2))));
        assertThat(m.games()).containsExactly(live(id, "n1"));

        MatchId ended = MatchId.random();
        m.apply(List.of(new LobbyChange.Added(live(ended, "n1"))));
        assertThat(m.resynced(Map.of("n1", List.of(live(id, "n1")))))
                .containsExactly(new LobbyChange.Removed(live(ended, "n1")));
        assertThat(m.keepOnly(List.of())).containsExactly(new LobbyChange.Removed(live(id, "n1")));
    }

    @Test
    void changesOfBothListsCrossTheWireAndUnknownKindsAreSkipped() {
        MatchId id = MatchId.random();
        List<LobbyChange> changes = List.of(new LobbyChange.Removed(game(id, "n1", 2)),
                new LobbyChange.Added(live(id, "n1")), new LobbyChange.Updated(live(id, "n1")));
        assertThat(LobbyWire.changes(LobbyWire.changes(changes))).isEqualTo(changes);
        String newer = "[{\"op\":\"spectators_changed\",\"game\":{\"count\":3}},"
                + LobbyWire.changes(List.of(new LobbyChange.Removed(live(id, "n1")))).substring(1);
        assertThat(LobbyWire.changes(newer)).containsExactly(new LobbyChange.Removed(live(id, "n1")));
    }
}
