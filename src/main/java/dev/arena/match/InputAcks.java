package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input acknowledgements of one match, owner only ({@link InputAck}): each seated player's last numbered
 * input the loop took, those that moved in the current tick (for its frame), and every seated player's last one
 * (for snapshots). A tick allocates only when some player's acknowledgement moved: one {@link InputAck} per such
 * player and the two lists.
 */
final class InputAcks {
    private static final class Latest {
        final PlayerId player;
        long seq = InputAck.NONE;
        InputAck ack;
        boolean moved;

        Latest(PlayerId player) {
            this.player = player;
        }
    }

    private final Map<PlayerId, Latest> latest = new HashMap<>();
    /** Those that moved in this tick, in the order they first did. */
    private final List<Latest> moved = new ArrayList<>();
    private List<InputAck> all = List.of();
    private boolean allStale;

    /** The loop took the seated player's input numbered {@code seq} ({@link InputAck#NONE}: not numbered). */
    void took(PlayerId player, long seq) {
        if (seq == InputAck.NONE) {
            return;
        }
        Latest l = latest.computeIfAbsent(player, Latest::new);
        l.seq = seq;
        if (!l.moved) {
            l.moved = true;
            moved.add(l);
        }
    }

    /** The player's seat is gone: no acknowledgement of theirs is published any more. */
    void forget(PlayerId player) {
        Latest l = latest.remove(player);
        if (l != null) {
            allStale = true;
            if (l.moved) {
                l.moved = false;
                moved.remove(l);
            }
        }
    }

    /**
     * Ends the tick: the acknowledgements that moved in it (for its frame; empty, and no allocation, when none
     * did), after which {@link #all} includes them.
     */
    List<InputAck> endTick() {
        if (moved.isEmpty()) {
            if (allStale) {
                rebuildAll();
            }
            return List.of();
        }
        InputAck[] now = new InputAck[moved.size()];
        for (int i = 0; i < now.length; i++) {
            Latest l = moved.get(i);
            l.moved = false;
            l.ack = new InputAck(l.player, l.seq);
            now[i] = l.ack;
        }
        moved.clear();
        rebuildAll();
        return List.of(now);
    }

    /** Every seated player's last acknowledgement as of the last {@link #endTick} (immutable). */
    List<InputAck> all() {
        return all;
    }

    /** Every entry has its {@code ack} here: {@link #took} puts it in {@link #moved}, which {@link #endTick} sets. */
    private void rebuildAll() {
        InputAck[] out = new InputAck[latest.size()];
        int i = 0;
        for (Latest l : latest.values()) {
            out[i++] = l.ack;
        }
        all = List.of(out);
        allStale = false;
    }
}
