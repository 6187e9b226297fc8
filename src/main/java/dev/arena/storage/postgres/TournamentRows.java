package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.instant;

import dev.arena.match.MatchId;
import dev.arena.tournament.BracketText;
import dev.arena.tournament.Registration;
import dev.arena.tournament.Tournament;
import dev.arena.tournament.TournamentFormat;
import dev.arena.tournament.TournamentMatch;
import dev.arena.tournament.TournamentStatus;
import dev.arena.tournament.bracket.BracketSide;
import dev.arena.tournament.bracket.Outcome;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Round;
import dev.arena.tournament.bracket.Side;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** The tournament tables' columns and rows, shared by {@link PgTournamentStore} and {@link PgTournamentTx}. */
final class TournamentRows {
    static final String COLUMNS = "id, name, format, mode, max_players, best_of, rounds, third_place_match, "
            + "starts_at, check_in_minutes, no_show_minutes, organiser_id, status, version, created_at, started_at, "
            + "ended_at";
    static final String GAME_COLUMNS =
            "game_id, tournament_id, pairing_id, game_no, node, created_at, deadline, outcome";

    private TournamentRows() {}

    static Future<List<Registration>> registrations(SqlClient c, UUID tournament) {
        return c.preparedQuery("""
                        SELECT r.player_id, p.display_name, r.registered_at, r.checked_in_at, r.seed
                        FROM tournament_registrations r JOIN players p ON p.id = r.player_id
                        WHERE r.tournament_id = $1 ORDER BY r.seed NULLS LAST, r.registered_at, r.player_id""")
                .execute(Tuple.of(tournament))
                .map(rows -> all(rows, r -> new Registration(r.getUUID("player_id"), r.getString("display_name"),
                            instant(r.getOffsetDateTime("registered_at")), instant(r.getOffsetDateTime("checked_in_at")),
                            r.getInteger("seed"))));
    }

    /** Every row, mapped. */
    static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(map.apply(r)));
        return out;
    }

    static String[] names(Collection<PairingId> ids) {
        return ids.stream().map(PairingId::value).toArray(String[]::new);
    }

    static Pairing pairing(Row r) {
        PairingState state = switch (r.getString("state")) {
            case "pending" -> PairingState.PENDING;
            case "ready" -> PairingState.READY;
            case "bye" -> PairingState.BYE;
            case "skipped" -> PairingState.SKIPPED;
            default -> {
                String wo = r.getString("walkover");
                Result result = wo != null ? Result.walkover(Side.valueOf(wo.toUpperCase(Locale.ROOT)))
                        : Result.series(r.getInteger("home_wins"), r.getInteger("away_wins"), r.getInteger("draws"));
                yield new PairingState.Decided(result, Outcome.valueOf(r.getString("outcome").toUpperCase(Locale.ROOT)));
            }
        };
        return new Pairing(PairingId.of(r.getString("pairing_id")),
                new Round(r.getInteger("round"), BracketSide.valueOf(r.getString("side").toUpperCase(Locale.ROOT))),
                r.getInteger("table_no"), BracketText.slot(r.getString("home")), BracketText.slot(r.getString("away")),
                state);
    }

    static List<TournamentMatch> games(RowSet<Row> rows) {
        List<TournamentMatch> out = new ArrayList<>(rows.size());
        rows.forEach(r -> {
            String o = r.getString("outcome");
            out.add(new TournamentMatch(new MatchId(r.getUUID("game_id")), r.getUUID("tournament_id"),
                    PairingId.of(r.getString("pairing_id")), r.getInteger("game_no"), r.getString("node"),
                    instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("deadline")),
                    o == null ? null : TournamentMatch.Outcome.fromWire(o)));
        });
        return out;
    }

    static Tournament tournament(Row r) {
        return new Tournament(r.getUUID("id"), r.getString("name"),
                TournamentFormat.fromWire(r.getString("format")).orElseThrow(), r.getString("mode"),
                r.getInteger("max_players"), r.getInteger("best_of"), r.getInteger("rounds"),
                r.getBoolean("third_place_match"), instant(r.getOffsetDateTime("starts_at")),
                r.getInteger("check_in_minutes"), r.getInteger("no_show_minutes"), r.getUUID("organiser_id"),
                TournamentStatus.fromWire(r.getString("status")), r.getLong("version"),
                instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("started_at")),
                instant(r.getOffsetDateTime("ended_at")));
    }
}
