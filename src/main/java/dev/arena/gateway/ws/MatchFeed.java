package dev.arena.gateway.ws;

import dev.arena.match.MatchEnd;
import dev.arena.match.MatchId;
import dev.arena.match.MatchListener;
import dev.arena.match.PlayerId;
import dev.arena.match.TickFrame;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's side of every match on this node: which sockets watch which match, and the frames that go to
 * them. Called on each match's own context; it only encodes and queues (each connection's {@link Outbound} is
 * bounded and thread-safe), never blocks. A tick's frame is serialised once and the same text is queued for
 * every attached socket.
 */
public final class MatchFeed implements MatchListener {
    private final Map<MatchId, Set<Connection>> watchers = new ConcurrentHashMap<>();

    void attach(MatchId match, Connection c) {
        watchers.computeIfAbsent(match, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    /** Detaches the socket; true when its player still has another socket on this match. */
    boolean detach(MatchId match, Connection c) {
        Set<Connection> set = watchers.get(match);
        if (set == null) {
            return false;
        }
        set.remove(c);
        if (set.isEmpty()) {
            watchers.remove(match, set);
        }
        return set.stream().anyMatch(o -> o.principal.playerId().equals(c.principal.playerId()));
    }

    @Override
    public void frame(TickFrame frame) {
        Set<Connection> set = watchers.get(frame.match());
        if (set == null || set.isEmpty()) {
            return;
        }
        String text = new ServerMessage.MatchFrame(frame.match(), frame.tick(), frame.events()).encode();
        for (Connection c : set) {
            c.outbound.offer(text);
        }
    }

    @Override
    public void ended(MatchEnd end) {
        Set<Connection> set = watchers.remove(end.match());
        if (set == null || set.isEmpty()) {
            return;
        }
        String text = new ServerMessage.MatchEnded(end.match(), end.finalTick(), end.result()).encode();
        for (Connection c : set) {
            c.outbound.offer(text);
            c.context.runOnContext(v -> c.matches.remove(end.match())); // the socket's own set, on its loop
        }
    }

    @Override
    public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
        Set<Connection> set = watchers.get(match);
        if (set == null) {
            return;
        }
        for (Connection c : set) {
            if (c.principal.playerId().equals(player.value())) {
                c.send(new ServerMessage.Error(null, code, message));
            }
        }
    }
}
