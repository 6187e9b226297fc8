package dev.arena.player;

import dev.arena.common.ArenaException;
import dev.arena.identity.AccountStore;
import dev.arena.identity.Account;
import dev.arena.identity.Player;
import dev.arena.identity.Revocation;
import dev.arena.identity.Role;
import dev.arena.identity.SessionRevocations;
import dev.arena.rating.RatingStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and edits players. A profile's sources are fetched concurrently, then joined. */
public final class PlayerService {
    static final int RECENT_GAMES = 10;

    private final AccountStore accounts;
    private final PlayerStore players;
    private final RankSource ranks;
    private final RatingStore ratings;
    private final Clock clock;
    /** Told of role and name changes: sessions cached on every node carry both. */
    private final SessionRevocations revocations;
    /** Profiles without their rank; dropped on every node by {@link ProfileChanges}. */
    private final ProfileCache profiles;
    private final ProfileChanges changes;

    public PlayerService(AccountStore accounts, PlayerStore players, RatingStore ratings, RankSource ranks,
                         Clock clock, SessionRevocations revocations, ProfileChanges changes) {
        this.accounts = accounts;
        this.players = players;
        this.ratings = ratings;
        this.ranks = ranks;
        this.clock = clock;
        this.revocations = revocations;
        this.changes = changes;
        this.profiles = new ProfileCache(ProfileCache.DEFAULT_CAPACITY, changes, clock);
    }

    public Future<Player> player(UUID id) {
        return accounts.byId(id).map(a -> a.orElseThrow(() -> notFound(id)).view());
    }

    /** One page of a name search: {@code nextOffset} is null on the last page. */
    public record PlayerPage(List<Player> players, int limit, int offset, Integer nextOffset) {}

    /**
     * Players whose display name starts with {@code prefix}, ignoring case, in name order. One row more than the
     * page is read to know whether another page follows.
     */
    public Future<PlayerPage> search(String prefix, int limit, int offset) {
        return accounts.byNamePrefix(prefix.toLowerCase(java.util.Locale.ROOT), limit + 1, offset).map(found -> {
            List<Player> page = found.stream().limit(limit).map(Account::view).toList();
            return new PlayerPage(page, limit, offset, found.size() > limit ? offset + limit : null);
        });
    }

    public Future<PlayerStats> stats(UUID id) {
        Future<Optional<PlayerStats>> counts = players.stats(id);
        Future<List<RatingStore.ModeRating>> modes = ratings.of(id);
        return Future.all(counts, modes).map(done -> counts.result().orElseThrow(() -> notFound(id))
                .withRatings(modes.result()));
    }

    /**
     * The profile from this node's {@link ProfileCache}, else one query (account, stats, ratings, recent games;
     * {@link PlayerStore#profile}); then the rank from the leaderboard index in the most played mode, on every
     * request (other players' results move it): no round trip to PostgreSQL once cached.
     */
    public Future<Profile> profile(UUID id) {
        return profiles.get(id, () -> players.profile(id, RECENT_GAMES)).compose(found -> {
            Profile p = found.orElseThrow(() -> notFound(id));
            if (p.stats().ratings().isEmpty()) {
                return Future.succeededFuture(p);
            }
            return ranks.rankIn(p.stats().ratings().getFirst().mode(), id)
                    .map(rank -> new Profile(p.player(), p.stats(), p.recentGames(), rank.orElse(null), true));
        });
    }

    public Future<Player> rename(UUID id, String displayName) {
        return accounts.updateDisplayName(id, displayName, clock.instant())
                .compose(a -> revocations.revoke(Revocation.refresh(id)).compose(v -> changes.changed(id))
                        .map(a.view()));
    }

    public Future<Player> setRole(UUID id, Role role) {
        // takes effect at once on every node: cached sessions are dropped, sockets (opened with the old role) close
        return accounts.updateRole(id, role, clock.instant())
                .compose(a -> revocations.revoke(Revocation.player(id)).compose(v -> changes.changed(id))
                        .map(a.view()));
    }

    /** Tells every node that the player's profile changed outside this service (the account was deleted). */
    public Future<Void> profileChanged(UUID id) {
        return changes.changed(id);
    }

    private static ArenaException.NotFound notFound(UUID id) {
        return new ArenaException.NotFound("no player with id " + id);
    }
}
