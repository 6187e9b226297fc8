package dev.arena.leaderboard;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalLeaderboardIndexTest extends LeaderboardIndexContract {

    @Override
    protected LeaderboardIndex createIndex() {
        return new LocalLeaderboardIndex();
    }

    @Test
    void stagesAreAlreadyCompleteWhenReturned() {
        BoardName board = board("sync");
        assertThat(index.put(board, UUID.randomUUID(), 1).toCompletableFuture()).isCompleted();
        assertThat(index.size(board).toCompletableFuture()).isCompletedWithValue(1L);
    }

    @Test
    void hundredThousandPlayersStayFastToUpdateAndRank() {
        // With rank-by-iteration this would be ~10^10 steps; with the order-statistic tree it is well under a second.
        BoardName board = board("big");
        int n = 100_000;
        Random random = new Random(7);
        List<UUID> players = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            players.add(new UUID(random.nextLong(), random.nextLong()));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (UUID p : players) {
                await(index.put(board, p, random.nextInt(5_000)));
            }
            for (int i = 0; i < n; i++) {
                UUID p = players.get(random.nextInt(n));
                await(index.put(board, p, random.nextInt(5_000)));
                long rank = await(index.rank(board, p)).orElseThrow();
                assertThat(await(index.top(board, rank - 1, 1)).get(0).playerId()).isEqualTo(p);
            }
        });
        assertThat(await(index.size(board))).isEqualTo(n);
    }

    @Test
    void concurrentWritersAndReadersLeaveAConsistentBoard() throws Exception {
        BoardName board = board("concurrent");
        int threads = 4;
        int playersPerThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                tasks.add(() -> {
                    Random random = new Random(seed);
                    List<UUID> mine = new ArrayList<>();
                    for (int i = 0; i < playersPerThread; i++) {
                        mine.add(new UUID(seed, i));
                    }
                    for (int i = 0; i < 20_000; i++) {
                        UUID p = mine.get(random.nextInt(playersPerThread));
                        if (random.nextInt(10) == 0) {
                            index.remove(board, p);
                        } else {
                            index.put(board, p, random.nextInt(100));
                        }
                    }
                    for (UUID p : mine) { // end state known: every player present with score = seed
                        index.put(board, p, seed);
                    }
                    return null;
                });
            }
            tasks.add(() -> { // a reader racing the writers must only ever see well-formed pages
                for (int i = 0; i < 5_000; i++) {
                    assertWellFormed(await(index.top(board, 0, 50)), 1);
                    assertWellFormed(await(index.around(board, new UUID(0, i % playersPerThread), 5)), -1);
                }
                return null;
            });
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        List<LeaderboardEntry> all = await(index.top(board, 0, Integer.MAX_VALUE));
        assertThat(all).hasSize(threads * playersPerThread);
        assertThat(await(index.size(board))).isEqualTo(threads * playersPerThread);
        assertWellFormed(all, 1);
        for (LeaderboardEntry e : all) {
            assertThat(e.score()).isEqualTo(e.playerId().getMostSignificantBits());
            assertThat(await(index.rank(board, e.playerId()))).hasValue(e.rank());
        }
    }

    @Test
    void clearRacingWritersNeverLosesALaterWrite() throws Exception {
        BoardName board = board("clear-race");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                UUID p = new UUID(round, round);
                Future<?> clearing = pool.submit(() -> index.clear(board));
                Future<?> writing = pool.submit(() -> index.put(board, p, 1));
                clearing.get();
                writing.get();
                // Whatever the interleaving (put onto a board being retired, or onto a fresh one), the index
                // must stay usable: a later put is visible and a later clear empties the board.
                await(index.put(board, p, 2));
                assertThat(await(index.rank(board, p))).hasValue(1);
                await(index.clear(board));
                assertThat(await(index.size(board))).isZero();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Ranks consecutive (starting at {@code firstRank}, or anywhere if negative) and in board order. */
    private static void assertWellFormed(List<LeaderboardEntry> page, long firstRank) {
        for (int i = 0; i < page.size(); i++) {
            LeaderboardEntry e = page.get(i);
            if (firstRank > 0) {
                assertThat(e.rank()).isEqualTo(firstRank + i);
            }
            if (i > 0) {
                LeaderboardEntry before = page.get(i - 1);
                assertThat(e.rank()).isEqualTo(before.rank() + 1);
                assertThat(RankedTree.compare(before.score(), before.playerId(), e.score(), e.playerId()))
                        .isNegative();
            }
        }
    }
}
