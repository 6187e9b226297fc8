package dev.arena.tournament;

import dev.arena.match.MatchId;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.Seed;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where tournaments live (PostgreSQL: {@code storage.postgres.PgTournamentStore}). Every change of a tournament
 * goes through {@link #inTransaction}, whose first call must be {@link Tx#lock}: the row lock serialises changes
 * of one tournament across nodes and retried result jobs.
 */
public interface TournamentStore {

    /** A transition the bracket went through, in the order applied. */
    record Transition(String kind, PairingId pairing, String result, MatchId game, Instant at) {}

    /** An organiser's correction, for the audit trail. */
    record Correction(PairingId pairing, String previous, String corrected, List<PairingId> reset, String reason,
                      UUID by, Instant at) {}

    /** A pairing row to write: the pairing and its place in {@code Bracket.pairings()}. */
    record PairingRow(int ord, Pairing pairing) {}

    Future<Tournament> insert(Tournament t);

    Future<Optional<Tournament>> find(UUID id);

    /** Newest first; {@code status} null for all. */
    Future<List<Tournament>> list(TournamentStatus status, int limit);

    Future<List<Registration>> registrations(UUID tournament);

    /** The games of a tournament, optionally only those of pairings of one round (any side). */
    Future<List<TournamentMatch>> games(UUID tournament, Integer round);

    Future<List<Correction>> corrections(UUID tournament);

    /** The game's row, if it is a tournament game. */
    Future<Optional<TournamentMatch>> tournamentMatch(MatchId match);

    /** Tournaments whose check-in should open or whose start is due at {@code now}. */
    Future<List<UUID>> due(Instant now);

    /** Open games past their no-show deadline; only those created by {@code node} unless it is null. */
    Future<List<TournamentMatch>> expired(Instant now, String node);

    /** Open games created by {@code node} (null: by any node). */
    Future<List<TournamentMatch>> openMatches(String node);

    /** Open games created by none of {@code nodes} (on a cluster: games whose owner is no longer alive). */
    Future<List<TournamentMatch>> openMatchesOutside(List<String> nodes);

    <T> Future<T> inTransaction(Function<Tx, Future<T>> work);

    /** One transaction's view. All methods apply to the tournament locked first. */
    interface Tx {
        /** Locks and reads the tournament; {@code NotFound} when unknown. */
        Future<Tournament> lock(UUID id);

        Future<List<Registration>> registrations(UUID tournament);

        /** Registers and returns the number of registered players; {@code Conflict} when registered already. */
        Future<Integer> register(UUID tournament, UUID player, Instant at);

        Future<Integer> registrationCount(UUID tournament);

        /** False when the player was not registered. */
        Future<Boolean> unregister(UUID tournament, UUID player);

        /** False when the player was not registered. */
        Future<Boolean> checkIn(UUID tournament, UUID player, Instant at);

        Future<Void> seed(UUID tournament, List<Seed> seeds);

        Future<List<Seed>> seeds(UUID tournament);

        /** The stored pairings in bracket order. */
        Future<List<Pairing>> pairings(UUID tournament);

        Future<Void> savePairings(UUID tournament, List<PairingRow> rows, Collection<PairingId> removed);

        Future<List<TournamentMatch>> games(UUID tournament);

        /** The games of some pairings, oldest first. */
        Future<List<TournamentMatch>> gamesOf(UUID tournament, Collection<PairingId> pairings);

        /** The game, if it belongs to a tournament. */
        Future<Optional<TournamentMatch>> match(MatchId match);

        /**
         * Marks every open or counted game of these pairings {@code reset} (their series starts again); returns the
         * games that were still open, to be stopped.
         */
        Future<List<MatchId>> resetMatches(UUID tournament, Collection<PairingId> pairings, Instant at);

        Future<Void> addMatches(List<TournamentMatch> games);

        /** Sets the outcome of an open game; false when it was already settled (a duplicate delivery). */
        Future<Boolean> settle(MatchId match, TournamentMatch.Outcome outcome, Instant at);

        Future<Void> clearDeadline(MatchId match);

        Future<Void> addTransitions(UUID tournament, List<Transition> transitions);

        Future<Void> addCorrection(UUID tournament, Correction correction);

        /** Writes status, timestamps and version. */
        Future<Void> update(Tournament t);
    }
}
