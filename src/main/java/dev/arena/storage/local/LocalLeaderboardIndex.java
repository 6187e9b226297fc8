package dev.arena.storage.local;

import dev.arena.leaderboard.BoardName;
import dev.arena.leaderboard.LeaderboardEntry;
import dev.arena.leaderboard.LeaderboardIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The in-process {@link LeaderboardIndex} of a single node: per board, a hash map from player to score plus an
 * order-statistic tree ({@link RankedTree}), so {@code put}, {@code remove} and {@code rank} cost O(log n) and
 * {@code top}/{@code around} O(log n + k) for k returned entries.
 *
 * <h2>Concurrency</h2>
 * Safe for any number of threads. Boards are independent: the board registry is a {@link ConcurrentHashMap},
 * and each board has its own read-write lock (writers exclusive, readers shared). Every critical section is
 * O(log n + k) in memory with no I/O, so holding a lock on an event loop thread is acceptable; callers should
 * still keep {@code limit} and {@code radius} bounded (the gateway does). All stages are already complete when
 * returned: the work runs on the caller's thread.
 *
 * <p>A board that becomes empty (last player removed, or {@code clear}) is dropped from the registry so that
 * finished tournaments do not leak memory. It is first marked retired under its write lock; a writer that
 * fetched the board just before and then finds it retired simply retries on a fresh board, and a reader treats
 * it as empty. That keeps every operation atomic without a registry-wide lock.
 */
public final class LocalLeaderboardIndex implements LeaderboardIndex {

    private final ConcurrentHashMap<BoardName, Board> boards = new ConcurrentHashMap<>();

    private static final class Board {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final Map<UUID, Double> scores = new HashMap<>();
        final RankedTree tree = new RankedTree();
        /** Set, under the write lock, when this board has left the registry; never reset. */
        boolean retired;
    }

    @Override
    public CompletionStage<Void> put(BoardName board, UUID playerId, double score) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(playerId, "playerId");
        double normalized = LeaderboardIndex.normalizeScore(score);
        while (true) {
            Board b = boards.computeIfAbsent(board, name -> new Board());
            Lock lock = b.lock.writeLock();
            lock.lock();
            try {
                if (b.retired) {
                    continue; // emptied and dropped meanwhile: retry on the board now registered
                }
                Double previous = b.scores.put(playerId, normalized);
                if (previous == null || previous != normalized) {
                    if (previous != null) {
                        b.tree.delete(playerId, previous);
                    }
                    b.tree.insert(playerId, normalized);
                }
                return CompletableFuture.completedStage(null);
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public CompletionStage<Boolean> remove(BoardName board, UUID playerId) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(playerId, "playerId");
        Board b = boards.get(board);
        if (b == null) {
            return CompletableFuture.completedStage(false);
        }
        Lock lock = b.lock.writeLock();
        lock.lock();
        try {
            Double previous = b.retired ? null : b.scores.remove(playerId);
            if (previous == null) {
                return CompletableFuture.completedStage(false);
            }
            b.tree.delete(playerId, previous);
            if (b.scores.isEmpty()) {
                retire(board, b);
            }
            return CompletableFuture.completedStage(true);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletionStage<OptionalLong> rank(BoardName board, UUID playerId) {
        Objects.requireNonNull(playerId, "playerId");
        return read(board, OptionalLong.empty(), b -> {
            Double score = b.scores.get(playerId);
            return score == null ? OptionalLong.empty() : OptionalLong.of(b.tree.indexOf(playerId, score) + 1L);
        });
    }

    @Override
    public CompletionStage<List<LeaderboardEntry>> top(BoardName board, long offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return read(board, List.of(), b -> {
            int size = b.tree.size();
            if (offset >= size) {
                return List.of();
            }
            return entries(b.tree, (int) offset, (int) Math.min(limit, size - offset));
        });
    }

    @Override
    public CompletionStage<List<LeaderboardEntry>> around(BoardName board, UUID playerId, int radius) {
        Objects.requireNonNull(playerId, "playerId");
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative, was " + radius);
        }
        return read(board, List.of(), b -> {
            Double score = b.scores.get(playerId);
            if (score == null) {
                return List.of();
            }
            long index = b.tree.indexOf(playerId, score);
            long from = Math.max(0, index - radius);
            long to = Math.min(b.tree.size() - 1L, index + radius);
            return entries(b.tree, (int) from, (int) (to - from + 1));
        });
    }

    @Override
    public CompletionStage<Long> size(BoardName board) {
        return read(board, 0L, b -> (long) b.tree.size());
    }

    @Override
    public CompletionStage<Void> clear(BoardName board) {
        Objects.requireNonNull(board, "board");
        Board b = boards.get(board);
        if (b != null) {
            Lock lock = b.lock.writeLock();
            lock.lock();
            try {
                if (!b.retired) {
                    retire(board, b);
                }
            } finally {
                lock.unlock();
            }
        }
        return CompletableFuture.completedStage(null);
    }

    /** Caller holds the board's write lock. */
    private void retire(BoardName name, Board b) {
        b.retired = true;
        boards.remove(name, b);
    }

    private <T> CompletionStage<T> read(BoardName board, T whenAbsent, Function<Board, T> query) {
        Objects.requireNonNull(board, "board");
        Board b = boards.get(board);
        if (b == null) {
            return CompletableFuture.completedStage(whenAbsent);
        }
        Lock lock = b.lock.readLock();
        lock.lock();
        try {
            return CompletableFuture.completedStage(b.retired ? whenAbsent : query.apply(b));
        } finally {
            lock.unlock();
        }
    }

    private static List<LeaderboardEntry> entries(RankedTree tree, int from, int count) {
        List<LeaderboardEntry> out = new ArrayList<>(count);
        tree.forEach(from, count, (index, playerId, score) ->
                out.add(new LeaderboardEntry(index + 1L, playerId, score)));
        return List.copyOf(out);
    }
}
