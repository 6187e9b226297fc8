package dev.arena.tournament;

import dev.arena.cluster.NodeBus;
import dev.arena.identity.Principal;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.rating.RatingSource;
import dev.arena.results.FinishedMatch;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.Result;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Tournaments from registration to the last result: the lifecycle ({@link TournamentLifecycle}), the games of every
 * pairing and their results ({@link TournamentScoring}), no-shows and lost games ({@link TournamentSweep}), the read
 * models ({@link TournamentReads}) and the live updates. State is in PostgreSQL; every change locks the
 * tournament's row, so any node (and any retried result job) may make it ({@link TournamentChanges}). Changes of
 * one tournament on this node also run one after another, so the bracket cached here for the current version is
 * usually right and updates leave in order.
 */
public final class TournamentService {
    /** Tournaments one listing returns at most. */
    static final int LIST_LIMIT = 100;

    /** {@code POST /tournaments}, validated by the edge. */
    public record Create(String name, TournamentFormat format, String mode, int maxPlayers, int bestOf,
                         Integer rounds, boolean thirdPlaceMatch, Instant startsAt, int checkInMinutes,
                         int noShowMinutes) {}

    /** A tournament with its registrations (the {@code GET /tournaments/{id}} body is built from it). */
    public record Details(Tournament tournament, List<Registration> players) {}

    /** The tournament and its bracket (null before the start). */
    public record Loaded(Tournament tournament, Bracket bracket, List<Registration> players) {}

    private final HostedMatches matches;
    private final TournamentChanges changes;
    private final TournamentLifecycle lifecycle;
    private final TournamentScoring scoring;
    private final TournamentSweep sweep;
    private final TournamentReads reads;

    /**
     * @param node    this node's id, written on the games it creates
     * @param cluster the other nodes: a game belongs to the node that created it, is judged by asking it, and is
     *                replaced by any live node once its creator is gone (a single node's bus has no peers, so every
     *                game of another node id is lost)
     */
    public TournamentService(TournamentStore store, HostedMatches matches, RatingSource ratings, TournamentFeed feed,
                             Clock clock, String node, NodeBus cluster) {
        Objects.requireNonNull(store, "store");
        this.matches = Objects.requireNonNull(matches, "matches");
        this.changes = new TournamentChanges(store, matches, Objects.requireNonNull(feed, "feed"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(node, "node"),
                Objects.requireNonNull(cluster, "cluster"));
        this.lifecycle = new TournamentLifecycle(changes, store, Objects.requireNonNull(ratings, "ratings"), clock);
        this.scoring = new TournamentScoring(changes, store);
        this.sweep = new TournamentSweep(changes, store, lifecycle, clock, cluster);
        this.reads = new TournamentReads(changes, store);
    }

    /** Another node's sweep judging a no-show of one of this node's games asks who sat down. */
    public String seatsHere(MatchId id) {
        return MatchSeats.of(matches.require(id)).encode();
    }

    /**
     * The node is stopping: from now on every change is refused ({@code Unavailable}; a result job is retried on a
     * node that runs). Otherwise the abandoned ends of this node's games, stopped by the shutdown, would start
     * replacement games on a node that is going away.
     */
    public void close() {
        changes.close();
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    /** The creator is the organiser. {@code Invalid} when the mode is not a game of this node. */
    public Future<Tournament> create(UUID organiser, Create c) {
        return lifecycle.create(organiser, c);
    }

    public Future<Void> register(UUID id, UUID player) {
        return lifecycle.register(id, player);
    }

    public Future<Void> unregister(UUID id, UUID player) {
        return lifecycle.unregister(id, player);
    }

    public Future<Void> checkIn(UUID id, UUID player) {
        return lifecycle.checkIn(id, player);
    }

    /**
     * Starts the tournament now: seeds the players who take part (every registered player, or only those who
     * checked in when there is a check-in) by rating, or in {@code manualOrder} (best first), and pairs them.
     */
    public Future<Tournament> start(UUID id, Principal by, List<UUID> manualOrder) {
        return lifecycle.start(id, by, manualOrder);
    }

    public Future<Tournament> cancel(UUID id, Principal by) {
        return lifecycle.cancel(id, by);
    }

    /**
     * The organiser's word on a pairing: the result of a pairing still being played (its open game ends), or a
     * correction of a decided one, which resets exactly the pairings that depended on it.
     */
    public Future<TournamentViews.PairingView> setResult(UUID id, PairingId pairing, Result result, String reason,
                                                         Principal by) {
        return lifecycle.setResult(id, pairing, result, reason, by);
    }

    // ---- results, time and recovery -------------------------------------------------------------------------

    /** A finished game counted in its pairing's series (idempotent: a game's row is settled at most once). */
    public Future<Void> applyResult(FinishedMatch m) {
        return scoring.applyResult(m);
    }

    /** One pass of the periodic work, by the injected clock (see {@link TournamentSweep#sweep}). */
    public Future<Void> sweep() {
        return sweep.sweep();
    }

    /** After a start: the open games lost with the previous process (or with their node) are replaced. */
    public Future<Void> recover() {
        return sweep.recover();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public Future<Details> details(UUID id) {
        return reads.details(id);
    }

    public Future<List<Tournament>> list(TournamentStatus status) {
        return reads.list(status);
    }

    /** Reads the tournament, its registrations and its pairings concurrently, then the bracket from them. */
    public Future<Loaded> load(UUID id) {
        return reads.load(id);
    }

    public Future<TournamentViews.BracketView> bracket(UUID id) {
        return reads.bracket(id);
    }

    public Future<TournamentViews.LeaderboardView> leaderboard(UUID id) {
        return reads.leaderboard(id);
    }

    public Future<List<TournamentViews.GameView>> matches(UUID id, Integer round) {
        return reads.matches(id, round);
    }

    public Future<List<TournamentStore.Correction>> corrections(UUID id) {
        return reads.corrections(id);
    }
}
