package dev.arena.leaderboard;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LeaderboardIndex} must have. An implementation's test extends this class and
 * supplies {@link #createIndex()}; a Redis-backed one also gets isolation for free, because every board name is
 * prefixed with a per-test random run id.
 */
public abstract class LeaderboardIndexContract {

    /** A fresh index for one test; may share storage with others, board names never collide. */
    protected abstract LeaderboardIndex createIndex();

    protected LeaderboardIndex index;
    private String runId;

    @BeforeEach
    protected void setUpIndex() {
        index = createIndex();
        runId = UUID.randomUUID().toString().substring(0, 8);
    }

    protected BoardName board(String name) {
        return new BoardName("contract-" + runId + ":" + name);
    }

    /** Ids whose signed and unsigned orders differ, so a tie-break on UUID#compareTo would be caught. */
    protected static UUID id(long mostSignificant, long leastSignificant) {
        return new UUID(mostSignificant, leastSignificant);
    }

    private static final UUID A = id(0x1000_0000_0000_0000L, 1);
    private static final UUID B = id(0x2000_0000_0000_0000L, 2);
    private static final UUID C = id(0x3000_0000_0000_0000L, 3);
    private static final UUID D = id(0x4000_0000_0000_0000L, 4);
    private static final UUID E = id(0x5000_0000_0000_0000L, 5);

    private void put(BoardName board, UUID player, double score) {
        await(index.put(board, player, score));
    }

    private List<UUID> order(BoardName board) {
        return await(index.top(board, 0, Integer.MAX_VALUE)).stream().map(LeaderboardEntry::playerId).toList();
    }

    private long rankOf(BoardName board, UUID player) {
        OptionalLong rank = await(index.rank(board, player));
        assertThat(rank).as("rank of %s", player).isPresent();
        return rank.getAsLong();
    }

    // --- empty boards ---

    @Test
    void emptyBoardHasNothing() {
        BoardName board = board("empty");
        assertThat(await(index.size(board))).isZero();
        assertThat(await(index.top(board, 0, 10))).isEmpty();
        assertThat(await(index.rank(board, A))).isEmpty();
        assertThat(await(index.around(board, A, 3))).isEmpty();
        assertThat(await(index.remove(board, A))).isFalse();
        await(index.clear(board));
        assertThat(await(index.size(board))).isZero();
    }

    // --- ordering ---

    @Test
    void higherScoreRanksFirst() {
        BoardName board = board("order");
        put(board, A, 10);
        put(board, B, 30);
        put(board, C, -5);
        put(board, D, 20.5);

        assertThat(await(index.top(board, 0, 10))).containsExactly(
                new LeaderboardEntry(1, B, 30),
                new LeaderboardEntry(2, D, 20.5),
                new LeaderboardEntry(3, A, 10),
                new LeaderboardEntry(4, C, -5));
        assertThat(rankOf(board, B)).isEqualTo(1);
        assertThat(rankOf(board, C)).isEqualTo(4);
        assertThat(await(index.size(board))).isEqualTo(4);
    }

    @Test
    void equalScoresAreOrderedByDescendingPlayerIdAsUnsigned128Bits() {
        BoardName board = board("ties");
        UUID low = id(0x0000_0000_0000_0001L, 0);
        UUID high = id(0x7fff_ffff_ffff_ffffL, 0);
        UUID highest = id(0x8000_0000_0000_0000L, 0); // negative as a signed long
        UUID sameHighLowerTail = id(0x8000_0000_0000_0000L, 0x7fff_ffff_ffff_ffffL);
        UUID sameHighUpperTail = id(0x8000_0000_0000_0000L, -1L);
        List<UUID> players = List.of(low, high, highest, sameHighLowerTail, sameHighUpperTail);
        for (UUID p : players) {
            put(board, p, 7);
        }

        List<UUID> expected = players.stream().sorted(Comparator.comparing(UUID::toString).reversed()).toList();
        assertThat(expected).containsExactly(sameHighUpperTail, sameHighLowerTail, highest, high, low);
        assertThat(order(board)).isEqualTo(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(rankOf(board, expected.get(i))).isEqualTo(i + 1);
        }
    }

    @Test
    void negativeZeroTiesWithZero() {
        BoardName board = board("zero");
        put(board, A, -0.0);
        put(board, B, 0.0);

        assertThat(order(board)).containsExactly(B, A);
        assertThat(await(index.top(board, 0, 10))).extracting(LeaderboardEntry::score).containsExactly(0.0, 0.0);
        assertThat(Double.doubleToRawLongBits(await(index.top(board, 1, 1)).get(0).score())).isZero();
    }

    @Test
    void extremeFiniteScoresAreOrdered() {
        BoardName board = board("extreme");
        put(board, A, Double.MAX_VALUE);
        put(board, B, -Double.MAX_VALUE);
        put(board, C, Double.MIN_VALUE);
        put(board, D, 0);

        assertThat(order(board)).containsExactly(A, C, D, B);
    }

    // --- updates and removals ---

    @Test
    void putMovesAnExistingPlayerInsteadOfAddingThem() {
        BoardName board = board("move");
        put(board, A, 10);
        put(board, B, 20);
        put(board, C, 30);

        put(board, A, 40);
        assertThat(order(board)).containsExactly(A, C, B);
        assertThat(await(index.size(board))).isEqualTo(3);

        put(board, A, 0);
        assertThat(order(board)).containsExactly(C, B, A);
        assertThat(await(index.top(board, 2, 1))).containsExactly(new LeaderboardEntry(3, A, 0));

        put(board, A, 0); // same score again: nothing changes
        assertThat(order(board)).containsExactly(C, B, A);
        assertThat(await(index.size(board))).isEqualTo(3);
    }

    @Test
    void movingIntoATieUsesTheTieBreak() {
        BoardName board = board("move-tie");
        put(board, A, 5);
        put(board, C, 5);
        put(board, B, 9);

        put(board, B, 5);

        assertThat(order(board)).containsExactly(C, B, A);
    }

    @Test
    void removeDropsThePlayerAndShiftsLaterRanks() {
        BoardName board = board("remove");
        put(board, A, 3);
        put(board, B, 2);
        put(board, C, 1);

        assertThat(await(index.remove(board, A))).isTrue();
        assertThat(await(index.remove(board, A))).isFalse();
        assertThat(await(index.rank(board, A))).isEmpty();
        assertThat(rankOf(board, B)).isEqualTo(1);
        assertThat(rankOf(board, C)).isEqualTo(2);
        assertThat(await(index.size(board))).isEqualTo(2);
    }

    @Test
    void removingTheLastPlayerLeavesAnEmptyBoardThatCanBeReused() {
        BoardName board = board("last");
        put(board, A, 1);
        assertThat(await(index.remove(board, A))).isTrue();
        assertThat(await(index.size(board))).isZero();
        assertThat(await(index.top(board, 0, 5))).isEmpty();

        put(board, B, 2);
        assertThat(await(index.top(board, 0, 5))).containsExactly(new LeaderboardEntry(1, B, 2));
    }

    @Test
    void clearEmptiesOnlyThatBoard() {
        BoardName tournament = board("tournament");
        BoardName global = board("global");
        put(tournament, A, 1);
        put(tournament, B, 2);
        put(global, A, 100);

        await(index.clear(tournament));

        assertThat(await(index.size(tournament))).isZero();
        assertThat(await(index.rank(tournament, B))).isEmpty();
        assertThat(await(index.top(global, 0, 5))).containsExactly(new LeaderboardEntry(1, A, 100));

        put(tournament, C, 3);
        assertThat(order(tournament)).containsExactly(C);
    }

    @Test
    void boardsAreIndependent() {
        BoardName one = board("one");
        BoardName two = board("two");
        put(one, A, 1);
        put(one, B, 2);
        put(two, A, 2);
        put(two, B, 1);

        assertThat(order(one)).containsExactly(B, A);
        assertThat(order(two)).containsExactly(A, B);
        await(index.remove(one, A));
        assertThat(rankOf(two, A)).isEqualTo(1);
    }

    // --- paging ---

    @Test
    void topPagesThroughTheBoard() {
        BoardName board = board("pages");
        List<UUID> players = fill(board, 10); // players.get(i) has rank i + 1

        assertThat(await(index.top(board, 0, 3))).extracting(LeaderboardEntry::playerId)
                .containsExactlyElementsOf(players.subList(0, 3));
        assertThat(await(index.top(board, 3, 3))).extracting(LeaderboardEntry::rank).containsExactly(4L, 5L, 6L);
        assertThat(await(index.top(board, 8, 5))).extracting(LeaderboardEntry::playerId)
                .containsExactlyElementsOf(players.subList(8, 10));
        assertThat(await(index.top(board, 9, 1))).extracting(LeaderboardEntry::rank).containsExactly(10L);
    }

    @Test
    void offsetAtOrPastTheEndGivesNothing() {
        BoardName board = board("past-end");
        fill(board, 5);

        assertThat(await(index.top(board, 5, 10))).isEmpty();
        assertThat(await(index.top(board, 6, 10))).isEmpty();
        assertThat(await(index.top(board, Long.MAX_VALUE, Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void zeroLimitGivesNothing() {
        BoardName board = board("zero-limit");
        fill(board, 5);

        assertThat(await(index.top(board, 0, 0))).isEmpty();
    }

    // --- around ---

    @Test
    void aroundCentresOnThePlayer() {
        BoardName board = board("around");
        List<UUID> players = fill(board, 10);

        List<LeaderboardEntry> window = await(index.around(board, players.get(4), 2));

        assertThat(window).extracting(LeaderboardEntry::rank).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(window).extracting(LeaderboardEntry::playerId).containsExactlyElementsOf(players.subList(2, 7));
        assertThat(window.get(2).playerId()).isEqualTo(players.get(4));
    }

    @Test
    void aroundIsClippedAtTheTop() {
        BoardName board = board("around-top");
        List<UUID> players = fill(board, 10);

        assertThat(await(index.around(board, players.get(0), 3))).extracting(LeaderboardEntry::rank)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(await(index.around(board, players.get(1), 3))).extracting(LeaderboardEntry::rank)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aroundIsClippedAtTheBottom() {
        BoardName board = board("around-bottom");
        List<UUID> players = fill(board, 10);

        assertThat(await(index.around(board, players.get(9), 3))).extracting(LeaderboardEntry::rank)
                .containsExactly(7L, 8L, 9L, 10L);
        assertThat(await(index.around(board, players.get(8), 3))).extracting(LeaderboardEntry::rank)
                .containsExactly(6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aroundWithRadiusZeroIsThePlayerAlone() {
        BoardName board = board("around-zero");
        List<UUID> players = fill(board, 3);

        assertThat(await(index.around(board, players.get(1), 0)))
                .containsExactly(new LeaderboardEntry(2, players.get(1), 8));
    }

    @Test
    void aroundWithAHugeRadiusIsTheWholeBoard() {
        BoardName board = board("around-huge");
        List<UUID> players = fill(board, 4);

        assertThat(await(index.around(board, players.get(2), Integer.MAX_VALUE)))
                .extracting(LeaderboardEntry::playerId).containsExactlyElementsOf(players);
    }

    @Test
    void aroundAnAbsentPlayerIsEmpty() {
        BoardName board = board("around-absent");
        fill(board, 3);

        assertThat(await(index.around(board, E, 2))).isEmpty();
    }

    /** Players with scores 9, 8, 7, ... in rank order. */
    private List<UUID> fill(BoardName board, int count) {
        List<UUID> players = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID p = UUID.randomUUID();
            put(board, p, 9 - i);
            players.add(p);
        }
        return players;
    }

    // --- arguments ---

    @Test
    void rejectsBadArgumentsImmediately() {
        BoardName board = board("args");
        assertThatThrownBy(() -> index.put(board, A, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.put(board, A, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.put(board, A, Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.put(null, A, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> index.put(board, null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> index.top(board, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.top(board, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.around(board, A, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.rank(board, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> index.remove(board, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> index.size(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> index.clear(null)).isInstanceOf(NullPointerException.class);
        assertThat(await(index.size(board))).isZero();
    }

    // --- against a naive model ---

    @Test
    void tenThousandRandomOperationsMatchANaiveModel() {
        Random random = new Random(20_260_101);
        List<BoardName> boards = List.of(board("r0"), board("r1"), board("r2"));
        List<UUID> pool = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            pool.add(new UUID(random.nextLong(), random.nextLong()));
        }
        Map<BoardName, Map<UUID, Double>> model = new HashMap<>();
        boards.forEach(b -> model.put(b, new HashMap<>()));

        for (int step = 0; step < 10_000; step++) {
            BoardName board = boards.get(random.nextInt(boards.size()));
            Map<UUID, Double> scores = model.get(board);
            UUID player = pool.get(random.nextInt(pool.size()));
            String at = "step " + step + " on " + board;
            int op = random.nextInt(100);
            if (op < 45) {
                // Few distinct scores, so ties are common; sometimes a fractional or negative one.
                double score = random.nextInt(10) == 0 ? random.nextDouble(-100, 100) : random.nextInt(12);
                put(board, player, score);
                scores.put(player, score);
            } else if (op < 60) {
                assertThat(await(index.remove(board, player))).as(at).isEqualTo(scores.remove(player) != null);
            } else if (op < 72) {
                List<UUID> expected = ranked(scores);
                int position = expected.indexOf(player);
                OptionalLong expectedRank = position < 0 ? OptionalLong.empty() : OptionalLong.of(position + 1L);
                assertThat(await(index.rank(board, player))).as(at).isEqualTo(expectedRank);
            } else if (op < 84) {
                long offset = random.nextInt(scores.size() + 5);
                int limit = random.nextInt(20);
                assertThat(await(index.top(board, offset, limit))).as(at)
                        .isEqualTo(modelPage(scores, offset, limit));
            } else if (op < 96) {
                int radius = random.nextInt(6);
                assertThat(await(index.around(board, player, radius))).as(at)
                        .isEqualTo(modelAround(scores, player, radius));
            } else if (op < 99) {
                assertThat(await(index.size(board))).as(at).isEqualTo(scores.size());
            } else {
                await(index.clear(board));
                scores.clear();
            }
            if (step % 1_000 == 999) {
                for (BoardName b : boards) {
                    assertThat(await(index.top(b, 0, Integer.MAX_VALUE))).as("full board at " + at)
                            .isEqualTo(modelPage(model.get(b), 0, Integer.MAX_VALUE));
                }
            }
        }
    }

    /** The model's order, written independently of any implementation: score, then id string, both descending. */
    private static List<UUID> ranked(Map<UUID, Double> scores) {
        return scores.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<LeaderboardEntry> modelPage(Map<UUID, Double> scores, long offset, int limit) {
        List<UUID> ranked = ranked(scores);
        List<LeaderboardEntry> page = new ArrayList<>();
        for (long i = offset; i < ranked.size() && i - offset < limit; i++) {
            UUID p = ranked.get((int) i);
            page.add(new LeaderboardEntry(i + 1, p, scores.get(p)));
        }
        return page;
    }

    private static List<LeaderboardEntry> modelAround(Map<UUID, Double> scores, UUID player, int radius) {
        int position = ranked(scores).indexOf(player);
        if (position < 0) {
            return List.of();
        }
        int from = Math.max(0, position - radius);
        return modelPage(scores, from, position - from + radius + 1);
    }
}
