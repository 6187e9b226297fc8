package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.instant;
import static dev.arena.storage.postgres.PgAccountStore.ts;
import static dev.arena.storage.postgres.TournamentRows.COLUMNS;
import static dev.arena.storage.postgres.TournamentRows.GAME_COLUMNS;
import static dev.arena.storage.postgres.TournamentRows.all;
import static dev.arena.storage.postgres.TournamentRows.tournament;

import dev.arena.match.MatchId;
import dev.arena.tournament.Registration;
import dev.arena.tournament.Tournament;
import dev.arena.tournament.TournamentMatch;
import dev.arena.tournament.TournamentStatus;
import dev.arena.tournament.TournamentStore;
import dev.arena.tournament.bracket.PairingId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Tournaments in PostgreSQL (tables from V5__tournaments.sql). */
public final class PgTournamentStore implements TournamentStore {
    private final Pool pool;

    public PgTournamentStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Tournament> insert(Tournament t) {
        return pool.preparedQuery("INSERT INTO tournaments (" + COLUMNS + ") VALUES "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .execute(Tuple.from(new Object[] {t.id(), t.name(), t.format().wire(), t.mode(), t.maxPlayers(),
                        t.bestOf(), t.rounds(), t.thirdPlaceMatch(), ts(t.startsAt()), t.checkInMinutes(),
                        t.noShowMinutes(), t.organiser(), t.status().wire(), t.version(), ts(t.createdAt()),
                        ts(t.startedAt()), ts(t.endedAt())}))
                .map(t);
    }

    @Override
    public Future<Optional<Tournament>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM tournaments WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(tournament(rows.iterator().next())));
    }

    @Override
    public Future<List<Tournament>> list(TournamentStatus status, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM tournaments WHERE ($1::text IS NULL OR status = $1) "
                        + "ORDER BY created_at DESC, id LIMIT $2")
                .execute(Tuple.of(status == null ? null : status.wire(), limit))
                .map(rows -> all(rows, r -> tournament(r)));
    }

    @Override
    public Future<List<Registration>> registrations(UUID tournament) {
        return TournamentRows.registrations(pool, tournament);
    }

    @Override
    public Future<List<TournamentMatch>> games(UUID tournament, Integer round) {
        String sql = round == null
                ? "SELECT " + GAME_COLUMNS + " FROM tournament_games WHERE tournament_id = $1 ORDER BY created_at, game_no"
                : "SELECT " + prefixed("g") + " FROM tournament_games g JOIN tournament_pairings p "
                + "ON p.tournament_id = g.tournament_id AND p.pairing_id = g.pairing_id "
                + "WHERE g.tournament_id = $1 AND p.round = $2 ORDER BY g.created_at, g.game_no";
        return pool.preparedQuery(sql).execute(round == null ? Tuple.of(tournament) : Tuple.of(tournament, round))
                .map(TournamentRows::games);
    }

    private static String prefixed(String alias) {
        return alias + "." + GAME_COLUMNS.replace(", ", ", " + alias + ".");
    }

    @Override
    public Future<List<Correction>> corrections(UUID tournament) {
        return pool.preparedQuery("SELECT pairing_id, previous, corrected, reset, reason, corrected_by, created_at "
                        + "FROM tournament_corrections WHERE tournament_id = $1 ORDER BY id")
                .execute(Tuple.of(tournament))
                .map(rows -> all(rows, r -> new Correction(PairingId.of(r.getString("pairing_id")),
                            r.getString("previous"), r.getString("corrected"),
                            java.util.Arrays.stream(r.getArrayOfStrings("reset")).map(PairingId::of).toList(),
                            r.getString("reason"), r.getUUID("corrected_by"),
                            instant(r.getOffsetDateTime("created_at")))));
    }

    @Override
    public Future<Optional<TournamentMatch>> tournamentMatch(MatchId match) {
        return pool.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games WHERE game_id = $1")
                .execute(Tuple.of(match.value()))
                .map(rows -> TournamentRows.games(rows).stream().findFirst());
    }

    @Override
    public Future<List<UUID>> due(Instant now) {
        return pool.preparedQuery("""
                        SELECT id FROM tournaments
                        WHERE status IN ('registering', 'checking_in')
                          AND (starts_at <= $1 OR (status = 'registering' AND check_in_minutes > 0
                               AND starts_at - make_interval(mins => check_in_minutes) <= $1))
                        ORDER BY starts_at""")
                .execute(Tuple.of(ts(now)))
                .map(rows -> all(rows, r -> r.getUUID("id")));
    }

    @Override
    public Future<List<TournamentMatch>> expired(Instant now, String node) {
        return pool.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games "
                        + "WHERE outcome IS NULL AND deadline <= $1 AND ($2::text IS NULL OR node = $2) ORDER BY deadline")
                .execute(Tuple.of(ts(now), node))
                .map(TournamentRows::games);
    }

    @Override
    public Future<List<TournamentMatch>> openMatches(String node) {
        return pool.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games "
                        + "WHERE outcome IS NULL AND ($1::text IS NULL OR node = $1) ORDER BY created_at")
                .execute(Tuple.of(node))
                .map(TournamentRows::games);
    }

    @Override
    public Future<List<TournamentMatch>> openMatchesOutside(List<String> nodes) {
        return pool.preparedQuery("SELECT " + GAME_COLUMNS + " FROM tournament_games "
                        + "WHERE outcome IS NULL AND node <> ALL($1::text[]) ORDER BY created_at")
                .execute(Tuple.of(nodes.toArray(String[]::new)))
                .map(TournamentRows::games);
    }

    @Override
    public <T> Future<T> inTransaction(Function<Tx, Future<T>> work) {
        return pool.withTransaction(c -> work.apply(new PgTournamentTx(c)));
    }

}
