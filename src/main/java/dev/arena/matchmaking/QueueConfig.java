package dev.arena.matchmaking;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one mode forms matches: {@code teamCount} teams of {@code teamSize} players, a rating window that
 * widens with waiting time, and the ticket properties that must be equal between matched tickets.
 * 1v1 is 2 teams of 1, 2v2 is 2 teams of 2, a free-for-all of N is N teams of 1.
 */
public record QueueConfig(String mode, int teamCount, int teamSize, RatingWindow window, Set<String> hardConstraints) {

    public static final String ARENA_BATTLE = "arena_battle";
    public static final String CONNECT_FOUR = "connect_four";

    /** Largest match the pool will assemble; bigger lobbies need a different algorithm than neighbour scans. */
    public static final int MAX_PLAYERS_PER_MATCH = 64;

    /**
     * Default window for a real-time 1v1, tuned with {@code MatchmakingSimulation} (docs/BENCHMARKS-matchmaking.md):
     * ±50 at once, +5 per second of waiting, capped at ±400 (reached after 70 s).
     */
    public static final RatingWindow DEFAULT_WINDOW = new RatingWindow(50, 5, 400);

    /**
     * Turn-based games draw fewer concurrent players, so the window grows faster: a long wait costs more
     * than a slightly uneven opponent in a game that lasts minutes.
     */
    public static final RatingWindow TURN_BASED_WINDOW = new RatingWindow(50, 10, 400);

    public QueueConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(window, "window");
        if (mode.isBlank()) {
            throw new IllegalArgumentException("mode must not be blank");
        }
        if (teamCount < 2) {
            throw new IllegalArgumentException(mode + ": teamCount must be >= 2, was " + teamCount);
        }
        if (teamSize < 1) {
            throw new IllegalArgumentException(mode + ": teamSize must be >= 1, was " + teamSize);
        }
        if ((long) teamCount * teamSize > MAX_PLAYERS_PER_MATCH) {
            throw new IllegalArgumentException(mode + ": at most " + MAX_PLAYERS_PER_MATCH + " players per match");
        }
        hardConstraints = Set.copyOf(hardConstraints);
    }

    public static QueueConfig oneVsOne(String mode, RatingWindow window) {
        return new QueueConfig(mode, 2, 1, window, Set.of(Ticket.REGION));
    }

    public static QueueConfig teams(String mode, int teamCount, int teamSize, RatingWindow window) {
        return new QueueConfig(mode, teamCount, teamSize, window, Set.of(Ticket.REGION));
    }

    public static QueueConfig freeForAll(String mode, int players, RatingWindow window) {
        return new QueueConfig(mode, players, 1, window, Set.of(Ticket.REGION));
    }

    /** The real-time arena game, 1v1. */
    public static QueueConfig arenaBattle() {
        return oneVsOne(ARENA_BATTLE, DEFAULT_WINDOW);
    }

    /** The turn-based Connect Four, 1v1. */
    public static QueueConfig connectFour() {
        return oneVsOne(CONNECT_FOUR, TURN_BASED_WINDOW);
    }

    public static List<QueueConfig> defaults() {
        return List.of(arenaBattle(), connectFour());
    }

    public int playersPerMatch() {
        return teamCount * teamSize;
    }

    public QueueConfig withWindow(RatingWindow newWindow) {
        return new QueueConfig(mode, teamCount, teamSize, newWindow, hardConstraints);
    }
}
