package dev.arena.room;

import dev.arena.common.Json;
import dev.arena.presence.Member;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The presence changes of one room on this node since its last {@code presence.diff}, merged (lila-ws style): a
 * join and a leave of the same connection within one window cancel out, so filling a room of N members costs about
 * N × (fill time / interval) frames instead of N² / 2. Touched only on the room's context.
 *
 * <p>The interval is {@link #BASE_INTERVAL_MS} and grows with the room (every {@link #MEMBERS_PER_STEP} local
 * members add one base interval, up to {@link #MAX_INTERVAL_MS}): a big room's crowd changes matter less, each of
 * its diffs costs more, and it is what bounds the frames a mass join produces.
 *
 * <p>A diff names at most {@link #LISTED_PER_DIFF} joins and as many leaves, and counts the rest in
 * {@code omitted_joins} / {@code omitted_leaves}. Bounding the frame count alone left the bytes quadratic: each
 * join is named once to every member present at the next diff, so filling a room of 5,000 sent 2 GB over loopback
 * (about 100 bytes per member, 12.5 million times), and parsing it cost clients more than the joins themselves.
 * With the cap a mass join costs ~2 KB per member per diff; a client that needs every name pages
 * {@code presence.list} when a diff says it omitted some.
 */
final class PresenceBatch {
    static final long BASE_INTERVAL_MS = 250;
    static final int MEMBERS_PER_STEP = 1_000;
    static final long MAX_INTERVAL_MS = 2_000;
    /** Joins (and, separately, leaves) named in one diff: a quiet room's changes fit; a crowd's are counted. */
    static final int LISTED_PER_DIFF = 20;

    private final String room;
    /** Member → true when it joined in this window, false when it left. */
    private final Map<Member, Boolean> changes = new LinkedHashMap<>();
    private long lastFlushMillis = Long.MIN_VALUE / 2;

    PresenceBatch(String room) {
        this.room = room;
    }

    /** How long a room with {@code members} local members waits between two diffs. */
    static long intervalMillis(int members) {
        return Math.min(MAX_INTERVAL_MS, BASE_INTERVAL_MS * (1 + members / MEMBERS_PER_STEP));
    }

    void add(RoomEvent.Presence p) {
        Boolean before = changes.get(p.member());
        if (before != null && before != p.joined()) {
            changes.remove(p.member()); // joined and left (or the reverse) within the window: nothing to tell
        } else {
            changes.put(p.member(), p.joined());
        }
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Whether a diff is due at {@code nowMillis} for a room of {@code members}. */
    boolean due(long nowMillis, int members) {
        return !changes.isEmpty() && nowMillis - lastFlushMillis >= intervalMillis(members);
    }

    /**
     * The {@code presence.diff} frame of the changes so far, and a new window from {@code nowMillis}:
     * {@code {"type":"presence.diff","room":…,"joins":[member…],"leaves":[member…]}}.
     */
    String drain(long nowMillis) {
        StringBuilder joins = new StringBuilder();
        StringBuilder leaves = new StringBuilder();
        int joined = 0;
        int left = 0;
        for (Map.Entry<Member, Boolean> c : changes.entrySet()) {
            boolean join = c.getValue();
            int listed = join ? joined++ : left++;
            if (listed >= LISTED_PER_DIFF) {
                continue;
            }
            StringBuilder to = join ? joins : leaves;
            if (!to.isEmpty()) {
                to.append(',');
            }
            c.getKey().appendJson(to);
        }
        changes.clear();
        lastFlushMillis = nowMillis;
        StringBuilder frame = Json.appendQuoted(new StringBuilder(joins.length() + leaves.length() + 128)
                .append("{\"type\":\"presence.diff\",\"room\":"), room)
                .append(",\"joins\":[").append(joins).append("],\"leaves\":[").append(leaves).append(']');
        if (joined > LISTED_PER_DIFF) {
            frame.append(",\"omitted_joins\":").append(joined - LISTED_PER_DIFF);
        }
        if (left > LISTED_PER_DIFF) {
            frame.append(",\"omitted_leaves\":").append(left - LISTED_PER_DIFF);
        }
        return frame.append('}').toString();
    }
}
