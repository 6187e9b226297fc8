package dev.arena.leaderboard;

import dev.arena.common.ArenaException;
import dev.arena.identity.AccountStore;
import dev.arena.player.ProfileChanges;
import dev.arena.player.RankSource;
import dev.arena.rating.RatingStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global boards, one per game mode, ranked by Glicko-2 rating. Reads come straight from the
 * {@link LeaderboardIndex} (in-process, or a Redis sorted set on a cluster), which the ratings job updates as each
 * result lands; PostgreSQL's {@code ratings} table is the source of truth the index is rebuilt from at start-up.
 * The names come from {@link DisplayNames}, so a page read costs no database round trip once its players' names
 * were read.
 */
public final class Leaderboards implements RankSource {
    private static final Logger log = LoggerFactory.getLogger(Leaderboards.class);

    /** One row as shown: rank 1 is the best. */
    public record Entry(long rank, UUID playerId, String displayName, double rating) {}

    public record Page(String mode, long total, List<Entry> entries) {}

    private final LeaderboardIndex index;
    private final RatingStore ratings;
    private final DisplayNames names;

    /** Listens to {@code changes} so the names it shows follow renames and deletions on every node. */
    public Leaderboards(LeaderboardIndex index, RatingStore ratings, AccountStore accounts, ProfileChanges changes,
                        Clock clock) {
        this.index = index;
        this.ratings = ratings;
        this.names = new DisplayNames(accounts::displayNames, changes, DisplayNames.DEFAULT_CAPACITY, clock);
    }

    public LeaderboardIndex index() {
        return index;
    }

    public Future<Page> top(String mode, long offset, int limit) {
        BoardName board = BoardName.global(mode);
        return page(mode, board, Future.fromCompletionStage(index.top(board, offset, limit)));
    }

    /** The player with up to {@code radius} players above and below; {@code NotFound} when not ranked in the mode. */
    public Future<Page> around(String mode, UUID player, int radius) {
        BoardName board = BoardName.global(mode);
        return page(mode, board, Future.fromCompletionStage(index.around(board, player, radius)).map(entries -> {
            if (entries.isEmpty()) {
                throw new ArenaException.NotFound("player " + player + " has no rating in " + mode + " yet");
            }
            return entries;
        }));
    }

    private Future<Page> page(String mode, BoardName board, Future<List<LeaderboardEntry>> entries) {
        Future<Long> total = Future.fromCompletionStage(index.size(board));
        Future<Map<UUID, String>> names = entries.compose(
                es -> this.names.of(es.stream().map(LeaderboardEntry::playerId).toList()));
        return Future.all(total, names).map(done -> {
            List<Entry> out = new ArrayList<>();
            for (LeaderboardEntry e : entries.result()) {
                out.add(new Entry(e.rank(), e.playerId(), names.result().get(e.playerId()), e.score()));
            }
            return new Page(mode, total.result(), out);
        });
    }

    /** The player's rank in their most played mode; empty before their first rated game. */
    @Override
    public Future<Optional<Long>> rank(UUID player) {
        return ratings.of(player).compose(modes -> modes.isEmpty() ? Future.succeededFuture(Optional.empty())
                : rankIn(modes.getFirst().mode(), player));
    }

    @Override
    public Future<Optional<Long>> rankIn(String mode, UUID player) {
        return Future.fromCompletionStage(index.rank(BoardName.global(mode), player))
                .map(r -> r.isPresent() ? Optional.of(r.getAsLong()) : Optional.empty());
    }

    /**
     * Fills the index from PostgreSQL. A node with an in-process index always does it at start-up. A shared Redis
     * index is rebuilt only when a board's size disagrees with the database (another node keeps it current
     * otherwise, and rewriting it would race with the ratings jobs of running nodes).
     */
    public Future<Void> rebuild(boolean shared) {
        return ratings.modes().compose(modes -> {
            List<Future<Void>> each = new ArrayList<>();
            for (String mode : modes) {
                each.add(rebuild(mode, shared));
            }
            return Future.all(each).mapEmpty();
        });
    }

    /**
     * Fills the shared index again after it lost its data (Redis came back empty while this node ran): each board
     * whose size differs from the database is loaded, as at start. Every node does it; the writes are the same
     * scores. A rating stored between the read and the write of one player can be set back to the one read: the
     * next result of that player writes it again.
     */
    public void refill() {
        rebuild(true).onFailure(e -> log.warn("leaderboards not filled again after Redis lost its data: {}", e.toString()));
    }

    private Future<Void> rebuild(String mode, boolean shared) {
        BoardName board = BoardName.global(mode);
        return ratings.board(mode).compose(scores -> Future.fromCompletionStage(index.size(board)).compose(size -> {
            if (shared && size == scores.size()) {
                return Future.succeededFuture();
            }
            List<Future<Void>> puts = new ArrayList<>();
            scores.forEach((p, s) -> puts.add(Future.fromCompletionStage(index.put(board, p, s))));
            log.info("leaderboard {}: {} players loaded from the database", board, scores.size());
            return Future.all(puts).mapEmpty();
        }));
    }
}
