package dev.arena.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import dev.arena.match.MatchStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every node message survives its wire form unchanged, and an unknown kind is refused. */
class NodeCodecTest {
    private final MatchId game = MatchId.random();
    private final PlayerId me = new PlayerId(UUID.randomUUID());

    @Test
    void everyRequestRoundTrips() {
        List<NodeMessage.Request> all = List.of(
                new NodeMessage.MatchState(game, me, false),
                new NodeMessage.MatchState(game, me, true),
                new NodeMessage.MatchJoin(game, me, "ABC234"),
                new NodeMessage.MatchJoin(game, me, null),
                new NodeMessage.MatchLeave(game, me),
                new NodeMessage.MatchReady(game, me, true),
                new NodeMessage.MatchStart(game, me, false),
                new NodeMessage.MatchKick(game, me, new PlayerId(UUID.randomUUID())),
                new NodeMessage.MatchFinish(game, me, Map.of("winner", me.toString(), "reason", "resign")),
                new NodeMessage.MatchList("connect_four", MatchStatus.RUNNING, true),
                new NodeMessage.MatchList(null, null, false),
                new NodeMessage.LobbyList("relay", "eu-west", true),
                new NodeMessage.Overview("connect_four"),
                new NodeMessage.Overview(null),
                new NodeMessage.SocketAttach(game, me, "node-a", "r1", true, false),
                new NodeMessage.SocketAttach(game, me, "node-a", 7, false, true),
                new NodeMessage.SocketInput(game, me, "node-a", true, Map.of("column", 3), null),
                new NodeMessage.SocketInput(game, me, "node-a", true, Map.of("column", 3), (1L << 53) - 1),
                new NodeMessage.SocketLeave(game, me, "node-a", true, false),
                new NodeMessage.SocketDetach(game, me, "node-a"),
                new NodeMessage.Seats(game),
                new NodeMessage.MatchInspect(game, me),
                new NodeMessage.MatchStop(game, "tournament"));
        for (NodeMessage.Request r : all) {
            assertThat(NodeCodec.request(NodeCodec.kind(r), NodeCodec.body(r))).isEqualTo(r);
        }
        assertThat(NodeCodec.requestKinds()).hasSize(all.stream().map(NodeCodec::kind).distinct().toList().size());
    }

    @Test
    void aSpectateFromAnOlderNodeIsNoStaffOne() {
        String old = "{\"game\":\"" + game + "\",\"player\":\"" + me + "\",\"node\":\"node-a\",\"rid\":1,\"as_player\":false}";
        assertThat(((NodeMessage.SocketAttach) NodeCodec.request("SocketAttach", old)).staff()).isFalse();
    }

    @Test
    void anInputFromAnOlderNodeHasNoSeq() {
        String old = "{\"game\":\"" + game + "\",\"player\":\"" + me + "\",\"node\":\"node-a\",\"attached\":true,"
                + "\"input\":{\"column\":3}}";
        assertThat(((NodeMessage.SocketInput) NodeCodec.request("SocketInput", old)).seq()).isNull();
    }

    @Test
    void everyPushRoundTripsWithItsTextUntouched() {
        String text = "{\"type\":\"match.frame\",\"events\":[\"a|b\"]}";
        List<NodeMessage.Push> all = List.of(new NodeMessage.Frame(game, 42, text), new NodeMessage.End(game, 43, text),
                new NodeMessage.Refused(game, me, text));
        for (NodeMessage.Push p : all) {
            assertThat(NodeCodec.push(NodeCodec.push(p))).isEqualTo(p);
        }
    }

    @Test
    void refusesUnknownKinds() {
        assertThatThrownBy(() -> NodeCodec.request("http.join", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeCodec.push("x|" + game + "|1|{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
