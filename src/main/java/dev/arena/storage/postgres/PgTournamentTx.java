package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.isUniqueViolation;
import static dev.arena.storage.postgres.PgAccountStore.ts;
import static dev.arena.storage.postgres.TournamentRows.COLUMNS;
import static dev.arena.storage.postgres.TournamentRows.GAME_COLUMNS;
import static dev.arena.storage.postgres.TournamentRows.all;
import static dev.arena.storage.postgres.TournamentRows.names;
import static dev.arena.storage.postgres.TournamentRows.pairing;
import static dev.arena.storage.postgres.TournamentRows.tournament;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import dev.arena.tournament.BracketText;
import dev.arena.tournament.Registration;
import dev.arena.tournament.Tournament;
import dev.arena.tournament.TournamentMatch;
import dev.arena.tournament.TournamentStore.Correction;
import dev.arena.tournament.TournamentStore.PairingRow;
import dev.arena.tournament.TournamentStore.Transition;
import dev.arena.tournament.TournamentStore;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Seed;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** One tournament transaction: every statement runs on its connection. */
record PgTournamentTx(SqlClient c) implements TournamentStore.Tx {

    @Override
    public Future<Tournament> lock(UUID id) {
        return c.preparedQuery("SELECT " + COLUMNS + " FROM tournaments WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ArenaException.NotFound("no tournament " + id);
                    }
                    return tournament(rows.iterator().next());
                });
    }

    @Override
    public Future<List<Registration>> registrations(UUID tournament) {
        return TournamentRows.registrations(c, tournament);
    }

    @Override
    public Future<Integer> register(UUID tournament, UUID player, Instant at) {
        // the count runs on the statement's snapshot, which does not include the row being inserted: + 1
        return c.preparedQuery("""
                        WITH added AS (INSERT INTO tournament_registrations (tournament_id, player_id, registered_at)
                                       VALUES ($1, $2, $3) RETURNING player_id)
                        SELECT (SELECT count(*) FROM tournament_registrations WHERE tournament_id = $1) + 1 AS n""")
                .execute(Tuple.of(tournament, player, ts(at)))
                .map(rows -> rows.iterator().next().getLong("n").intValue())
                .recover(e -> Future.failedFuture(isUniqueViolation(e)
                        ? new ArenaException.Conflict("already registered") : e));
    }

    @Override
    public Future<Integer> registrationCount(UUID tournament) {
        return c.preparedQuery("SELECT count(*) AS n FROM tournament_registrations WHERE tournament_id = $1")
                .execute(Tuple.of(tournament)).map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    @Override
    public Future<Boolean> unregister(UUID tournament, UUID player) {
        return c.preparedQuery("DELETE FROM tournament_registrations WHERE tournament_id = $1 AND player_id = $2")
                .execute(Tuple.of(tournament, player)).map(r -> r.rowCount() == 1);
    }

    @Override
    public Future<Boolean> checkIn(UUID tournament, UUID player, Instant at) {
        return c.preparedQuery("UPDATE tournament_registrations SET checked_in_at = coalesce(checked_in_at, $3) "
                        + "WHERE tournament_id = $1 AND player_id = $2")
                .execute(Tuple.of(tournament, player, ts(at))).map(r -> r.rowCount() == 1);
    }

    @Override
    public Future<Void> seed(UUID tournament, List<Seed> seeds) {
        List<Tuple> batch = seeds.stream()
                .map(s -> Tuple.of(tournament, s.player().value(), s.rank())).toList();
        return c.preparedQuery("UPDATE tournament_registrations SET seed = $3 "
                        + "WHERE tournament_id = $1 AND player_id = $2")
                .executeBatch(batch).mapEmpty();
    }

    @Override
    public Future<List<Seed>> seeds(UUID tournament) {
        return c.preparedQuery("SELECT player_id, seed FROM tournament_registrations "
                        + "WHERE tournament_id = $1 AND seed IS NOT NULL ORDER BY seed")
                .execute(Tuple.of(tournament))
                .map(rows -> all(rows, r -> new Seed(new PlayerId(r.getUUID("player_id")),
                            r.getInteger("seed"))));
    }

    @Override
    public Future<List<Pairing>> pairings(UUID tournament) {
        return c.preparedQuery("SELECT pairing_id, round, side, table_no, home, away, state, home_wins, away_wins, "
                        + "draws, walkover, outcome FROM tournament_pairings WHERE tournament_id = $1 ORDER BY ord")
                .execute(Tuple.of(tournament))
                .map(rows -> all(rows, r -> pairing(r)));
    }

    @Override
    public Future<Void> savePairings(UUID tournament, List<PairingRow> rows, Collection<PairingId> removed) {
        Future<Void> deleted = removed.isEmpty() ? Future.succeededFuture()
                : c.preparedQuery("DELETE FROM tournament_pairings WHERE tournament_id = $1 AND pairing_id = ANY($2)")
                .execute(Tuple.of(tournament).addArrayOfString(names(removed)))
                .mapEmpty();
        if (rows.isEmpty()) {
            return deleted;
        }
        List<Tuple> batch = new ArrayList<>(rows.size());
        for (PairingRow row : rows) {
            Pairing p = row.pairing();
            Object[] v = new Object[14];
            v[0] = tournament;
            v[1] = p.id().value();
            v[2] = row.ord();
            v[3] = p.round().number();
            v[4] = p.round().side().name().toLowerCase(Locale.ROOT);
            v[5] = p.table();
            v[6] = BracketText.slot(p.home());
            v[7] = BracketText.slot(p.away());
            v[8] = BracketText.state(p.state());
            if (p.state() instanceof PairingState.Decided d) {
                switch (d.result()) {
                    case Result.Series s -> {
                        v[9] = s.homeWins();
                        v[10] = s.awayWins();
                        v[11] = s.draws();
                    }
                    case Result.Walkover w -> v[12] = w.noShow().name().toLowerCase(Locale.ROOT);
                }
                v[13] = d.outcome().name().toLowerCase(Locale.ROOT);
            }
            batch.add(Tuple.from(v));
        }
        return deleted.compose(x -> c.preparedQuery("""
                        INSERT INTO tournament_pairings (tournament_id, pairing_id, ord, round, side, table_no, home,
                            away, state, home_wins, away_wins, draws, walkover, outcome)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                        ON CONFLICT (tournament_id, pairing_id) DO UPDATE SET ord = excluded.ord,
                            round = excluded.round, side = excluded.side, table_no = excluded.table_no,
                            home = excluded.home, away = excluded.away, state = excluded.state,
                            home_wins = excluded.home_wins, away_wins = excluded.away_wins, draws = excluded.draws,
                            walkover = excluded.walkover, outcome = excluded.outcome""")
                .executeBatch(batch).mapEmpty());
    }

    @Override
    public Future<List<TournamentMatch>> games(UUID tournament) {
        return c.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games WHERE tournament_id = $1 "
                        + "ORDER BY created_at, game_no")
                .execute(Tuple.of(tournament)).map(TournamentRows::games);
    }

    @Override
    public Future<List<TournamentMatch>> gamesOf(UUID tournament, Collection<PairingId> pairings) {
        return c.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games WHERE tournament_id = $1 "
                        + "AND pairing_id = ANY($2) ORDER BY game_no")
                .execute(Tuple.of(tournament).addArrayOfString(names(pairings)))
                .map(TournamentRows::games);
    }

    @Override
    public Future<Optional<TournamentMatch>> match(MatchId match) {
        return c.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games WHERE game_id = $1")
                .execute(Tuple.of(match.value()))
                .map(rows -> TournamentRows.games(rows).stream().findFirst());
    }

    @Override
    public Future<List<MatchId>> resetMatches(UUID tournament, Collection<PairingId> pairings, Instant at) {
        // RETURNING sees the new outcome; the old one comes from the row as it was (a self-join on the key).
        return c.preparedQuery("""
                        UPDATE tournament_games g SET outcome = 'reset', settled_at = coalesce(g.settled_at, $3)
                        FROM tournament_games old
                        WHERE old.game_id = g.game_id AND g.tournament_id = $1 AND g.pairing_id = ANY($2)
                          AND (g.outcome IS NULL OR g.outcome IN ('home', 'away', 'draw'))
                        RETURNING g.game_id, old.outcome AS was""")
                .execute(Tuple.of(tournament).addArrayOfString(names(pairings)).addOffsetDateTime(ts(at)))
                .map(rows -> {
                    List<MatchId> open = new ArrayList<>();
                    rows.forEach(r -> {
                        if (r.getString("was") == null) {
                            open.add(new MatchId(r.getUUID("game_id")));
                        }
                    });
                    return open;
                });
    }

    @Override
    public Future<Void> addMatches(List<TournamentMatch> games) {
        if (games.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = games.stream().map(g -> Tuple.from(new Object[] {g.gameId().value(), g.tournamentId(),
                g.pairingId().value(), g.number(), g.node(), ts(g.createdAt()), ts(g.deadline()),
                g.outcome() == null ? null : g.outcome().wire()})).toList();
        return c.preparedQuery("INSERT INTO tournament_games (" + GAME_COLUMNS
                        + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .executeBatch(batch).mapEmpty();
    }

    @Override
    public Future<Boolean> settle(MatchId match, TournamentMatch.Outcome outcome, Instant at) {
        return c.preparedQuery("UPDATE tournament_games SET outcome = $2, settled_at = $3 "
                        + "WHERE game_id = $1 AND outcome IS NULL")
                .execute(Tuple.of(match.value(), outcome.wire(), ts(at))).map(r -> r.rowCount() == 1);
    }

    @Override
    public Future<Void> clearDeadline(MatchId match) {
        return c.preparedQuery("UPDATE tournament_games SET deadline = NULL WHERE game_id = $1")
                .execute(Tuple.of(match.value())).mapEmpty();
    }

    @Override
    public Future<Void> addTransitions(UUID tournament, List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = new ArrayList<>();
        for (Transition t : transitions) {
            batch.add(Tuple.from(new Object[] {tournament, t.kind(), t.pairing().value(), t.result(),
                    t.game() == null ? null : t.game().value(), ts(t.at())}));
        }
        return c.preparedQuery("INSERT INTO tournament_transitions (tournament_id, kind, pairing_id, result, "
                        + "game_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .executeBatch(batch)
                .mapEmpty();
    }

    @Override
    public Future<Void> addCorrection(UUID tournament, Correction k) {
        return c.preparedQuery("INSERT INTO tournament_corrections (tournament_id, pairing_id, previous, corrected, "
                        + "reset, reason, corrected_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] {tournament, k.pairing().value(), k.previous(), k.corrected(),
                        k.reset().stream().map(PairingId::value).toArray(String[]::new), k.reason(), k.by(),
                        ts(k.at())}))
                .mapEmpty();
    }

    @Override
    public Future<Void> update(Tournament t) {
        return c.preparedQuery("UPDATE tournaments SET status = $2, version = $3, started_at = $4, ended_at = $5 "
                        + "WHERE id = $1")
                .execute(Tuple.of(t.id(), t.status().wire(), t.version(), ts(t.startedAt()), ts(t.endedAt())))
                .mapEmpty();
    }
}
