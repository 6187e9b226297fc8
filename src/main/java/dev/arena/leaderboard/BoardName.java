package dev.arena.leaderboard;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The name of one ranked board, e.g. {@code global:arena_battle} or {@code tournament:<uuid>}.
 *
 * <p>Restricted to a short, printable, whitespace-free alphabet because implementations use it verbatim as part
 * of a storage key (a Redis key, a log field) and must never need to escape it.
 */
public record BoardName(String value) {

    public static final int MAX_LENGTH = 200;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:_.\\-]+");

    public BoardName {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("board name must be 1 to " + MAX_LENGTH
                    + " characters of [A-Za-z0-9:_.-], was '" + value + "'");
        }
    }

    /** The all-time board of one game mode, e.g. {@code global:arena_battle}. */
    public static BoardName global(String gameMode) {
        return new BoardName("global:" + gameMode);
    }

    /** The board of one tournament. */
    public static BoardName tournament(UUID tournamentId) {
        return new BoardName("tournament:" + tournamentId);
    }

    @Override
    public String toString() {
        return value;
    }
}
