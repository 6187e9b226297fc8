package dev.arena.match;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A relayed game's result, reported by one of its players ({@link MatchLoop#report}) and applied at the end of the
 * tick that drained the report. Owner-only.
 */
final class RelayedResult {
    private MatchResult reported;
    private PlayerId reporter;

    /** The accepted report, or null. */
    MatchResult reported() {
        return reported;
    }

    /** Who reported {@code end}, when {@code end} is the reported result; else null. */
    PlayerId reporterOf(MatchResult end) {
        return end == reported ? reporter : null;
    }

    void report(LoopCommand.Report<?> r, Set<PlayerId> seated, Set<PlayerId> departed, MatchStatus status) {
        if (reported != null) {
            r.reply().fail(LoopCommandQueue.alreadyDecided());
            return;
        }
        if (!seated.contains(r.by())) {
            r.reply().fail(new ArenaException.Forbidden("only the match's seated players may report its result"));
            return;
        }
        if (status != MatchStatus.RUNNING) {
            r.reply().fail(new ArenaException.Rejected(MatchCodes.NOT_STARTED, "the match has not started"));
            return;
        }
        Set<PlayerId> listed = new HashSet<>();
        r.result().standings().forEach(st -> listed.add(st.player()));
        Set<PlayerId> played = new HashSet<>(seated);
        played.addAll(departed);
        if (!listed.containsAll(seated) || !played.containsAll(listed)) {
            r.reply().fail(new ArenaException.Invalid("result.standings",
                    "must list every seated player " + seated + " and nobody else who did not play"));
            return;
        }
        reported = withLeaversLast(r.result(), listed, departed);
        reporter = r.by();
        r.reply().complete(reported);
    }

    /**
     * Players who left a relayed game and are not in the reported standings share the last place: leaving does
     * not escape a loss.
     */
    private static MatchResult withLeaversLast(MatchResult given, Set<PlayerId> listed, Set<PlayerId> departed) {
        List<PlayerId> missing = departed.stream().filter(p -> !listed.contains(p)).sorted().toList();
        if (missing.isEmpty()) {
            return given;
        }
        List<MatchResult.Standing> all = new ArrayList<>(given.standings());
        int last = all.size() + 1;
        missing.forEach(p -> all.add(new MatchResult.Standing(p, last, 0)));
        return MatchResult.ranked(all, given.reason());
    }
}
