package dev.arena.gateway.ws;

import dev.arena.common.EncodedText;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.MatchEnd;
import dev.arena.match.MatchId;
import dev.arena.match.MatchListener;
import dev.arena.match.TickFrame;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's side of every match on this node: which sockets watch which match, and the frames that go to
 * them. Called on each match's own context; it only encodes and queues (each connection's {@link Outbound} is
 * bounded and thread-safe), never blocks. A tick's frame is serialised once and the same text is queued for
 * every attached socket, and handed to {@link Remote} for the sockets of other nodes (a cluster). Frames of
 * matches other nodes run arrive through {@link #deliver}.
 */
public final class MatchFeed implements MatchListener {
    /** Sockets of other nodes watching this node's matches ({@link MatchRelay}); none on a single node. */
    public interface Remote {
        boolean watched(MatchId match);

        void frame(MatchId match, long tick, String text);

        void ended(MatchId match, long tick, String text);

        void rejected(MatchId match, PlayerId player, String text);
    }

    private final Map<MatchId, Set<Connection>> watchers = new ConcurrentHashMap<>();
    /** Set at wiring; until then no other node watches. */
    private volatile Remote remote = new Remote() {
        @Override
        public boolean watched(MatchId match) {
            return false;
        }

        @Override
        public void frame(MatchId match, long tick, String text) {
        }

        @Override
        public void ended(MatchId match, long tick, String text) {
        }

        @Override
        public void rejected(MatchId match, PlayerId player, String text) {
        }
    };

    public void remote(Remote remote) {
        this.remote = remote;
    }

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
        return watching(match, new PlayerId(c.principal.playerId()));
    }

    /** Whether a socket of the player on this node watches the match. */
    boolean watching(MatchId match, PlayerId player) {
        Set<Connection> set = watchers.get(match);
        return set != null && set.stream().anyMatch(o -> o.principal.playerId().equals(player.value()));
    }

    @Override
    public void frame(TickFrame frame) {
        Set<Connection> set = watchers.get(frame.match());
        Remote far = remote;
        boolean elsewhere = far.watched(frame.match());
        if ((set == null || set.isEmpty()) && !elsewhere) {
            return;
        }
        EncodedText once = EncodedText.ofUtf8(Json.encodeToUtf8(ServerMessage.MatchFrame.of(frame)));
        if (set != null) {
            deliver(set, once);
        }
        if (elsewhere) {
            far.frame(frame.match(), frame.tick(), once.text());
        }
    }

    /** Queues an encoded frame for every socket of this node attached to the match. */
    void deliver(MatchId match, String text) {
        Set<Connection> set = watchers.get(match);
        if (set != null) {
            deliver(set, EncodedText.of(text));
        }
    }

    private static void deliver(Set<Connection> set, EncodedText once) {
        for (Connection c : set) {
            c.outbound.offer(once);
        }
    }

    @Override
    public void ended(MatchEnd end) {
        String text = new ServerMessage.MatchEnded(end.match(), end.finalTick(), end.result()).encode();
        deliverEnd(end.match(), text);
        Remote far = remote;
        if (far.watched(end.match())) {
            far.ended(end.match(), end.finalTick(), text);
        }
    }

    /** Queues the encoded {@code match.end} for the match's sockets on this node and detaches them. */
    void deliverEnd(MatchId match, String text) {
        Set<Connection> set = watchers.remove(match);
        if (set == null) {
            return;
        }
        EncodedText once = EncodedText.of(text);
        for (Connection c : set) {
            c.outbound.offer(once);
            c.context.runOnContext(v -> c.matches.remove(match)); // the socket's own set, on its loop
        }
    }

    @Override
    public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
        String text = new ServerMessage.Error(null, code, message).encode();
        deliverTo(match, player, text);
        Remote far = remote;
        if (far.watched(match)) {
            far.rejected(match, player, text);
        }
    }

    /** Queues an encoded frame for the player's sockets on this node attached to the match. */
    void deliverTo(MatchId match, PlayerId player, String text) {
        Set<Connection> set = watchers.get(match);
        if (set == null) {
            return;
        }
        for (Connection c : set) {
            if (c.principal.playerId().equals(player.value())) {
                c.outbound.offer(text);
            }
        }
    }
}
