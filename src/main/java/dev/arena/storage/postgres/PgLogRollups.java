package dev.arena.storage.postgres;

import dev.arena.logs.Batch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A batch's rows: its raw events by one binary COPY into {@code log_events}, and each rollup's folded deltas by one COPY
 * into a session-private staging table and one {@code INSERT … SELECT … ORDER BY key ON CONFLICT DO UPDATE} into
 * the rollup. So a batch costs a fixed number of statements whatever its size, no row is built as a String or an
 * array literal, and rows are locked in key order (two jobs touching the same rows cannot deadlock). Staging
 * tables are temporary ({@code ON COMMIT DELETE ROWS}): emptied by the commit, and by the rollback of a batch that
 * lost its checkpoint.
 */
final class PgLogRollups {
    private PgLogRollups() {}

    /** Timestamps travel to the staging tables as epoch microseconds. */
    private static final String AT = "timestamptz 'epoch' + %s * interval '1 microsecond'";

    private record Rollup(String stage, String columns, String merge) {}

    private static final Rollup PLAYER_TYPES = new Rollup("log_stage_player_types",
            "player_id text, type text, events bigint, value_sum float8, first_us bigint, last_us bigint",
            "INSERT INTO log_player_types (player_id, type, events, value_sum, first_seen, last_seen) "
                    + "SELECT player_id, type, events, value_sum, " + at("first_us") + ", " + at("last_us")
                    + " FROM log_stage_player_types ORDER BY player_id, type "
                    + "ON CONFLICT (player_id, type) DO UPDATE SET events = log_player_types.events + excluded.events, "
                    + "value_sum = log_player_types.value_sum + excluded.value_sum, "
                    + "first_seen = least(log_player_types.first_seen, excluded.first_seen), "
                    + "last_seen = greatest(log_player_types.last_seen, excluded.last_seen)");
    private static final Rollup PLAYER_HOURS = new Rollup("log_stage_player_hours",
            "player_id text, type text, hour bigint, events bigint, value_sum float8",
            "INSERT INTO log_player_hours (player_id, type, hour, events, value_sum) "
                    + "SELECT player_id, type, to_timestamp(hour), events, value_sum FROM log_stage_player_hours "
                    + "ORDER BY type, hour, player_id "
                    + "ON CONFLICT (type, hour, player_id) DO UPDATE SET events = log_player_hours.events + excluded.events, "
                    + "value_sum = log_player_hours.value_sum + excluded.value_sum");
    private static final Rollup PLAYER_DAYS = new Rollup("log_stage_player_days",
            "player_id text, type text, day bigint, events bigint, value_sum float8",
            "INSERT INTO log_player_days (player_id, type, day, events, value_sum) "
                    + "SELECT player_id, type, to_timestamp(day), events, value_sum FROM log_stage_player_days "
                    + "ORDER BY player_id, type, day "
                    + "ON CONFLICT (player_id, type, day) DO UPDATE SET events = log_player_days.events + excluded.events, "
                    + "value_sum = log_player_days.value_sum + excluded.value_sum");
    private static final Rollup MODE_HOURS = new Rollup("log_stage_mode_hours",
            "mode text, hour bigint, type text, events bigint, value_sum float8",
            "INSERT INTO log_mode_hours (mode, hour, type, events, value_sum) "
                    + "SELECT mode, to_timestamp(hour), type, events, value_sum FROM log_stage_mode_hours "
                    + "ORDER BY mode, hour, type "
                    + "ON CONFLICT (mode, hour, type) DO UPDATE SET events = log_mode_hours.events + excluded.events, "
                    + "value_sum = log_mode_hours.value_sum + excluded.value_sum");
    private static final Rollup GAME_PLAYERS = new Rollup("log_stage_game_players",
            "game_id text, player_id text, events bigint, value_sum float8",
            "INSERT INTO log_game_players (game_id, player_id, events, value_sum) "
                    + "SELECT game_id, player_id, events, value_sum FROM log_stage_game_players ORDER BY game_id, player_id "
                    + "ON CONFLICT (game_id, player_id) DO UPDATE SET events = log_game_players.events + excluded.events, "
                    + "value_sum = log_game_players.value_sum + excluded.value_sum");
    private static final Rollup GAMES = new Rollup("log_stage_games",
            "game_id text, mode text, events bigint, first_us bigint, last_us bigint",
            "INSERT INTO log_games (game_id, mode, events, first_ts, last_ts) "
                    + "SELECT game_id, mode, events, " + at("first_us") + ", " + at("last_us")
                    + " FROM log_stage_games ORDER BY game_id "
                    + "ON CONFLICT (game_id) DO UPDATE SET events = log_games.events + excluded.events, "
                    + "first_ts = least(log_games.first_ts, excluded.first_ts), "
                    + "last_ts = greatest(log_games.last_ts, excluded.last_ts)");
    private static final List<Rollup> ALL = List.of(PLAYER_TYPES, PLAYER_HOURS, PLAYER_DAYS, MODE_HOURS, GAME_PLAYERS, GAMES);

    private static String at(String column) {
        return String.format(AT, column);
    }

    /** Creates the session's staging tables (autocommit, once per connection). */
    static void prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Rollup r : ALL) {
                st.execute("CREATE TEMP TABLE IF NOT EXISTS " + r.stage() + " (" + r.columns()
                        + ") ON COMMIT DELETE ROWS");
            }
        }
    }

    /** Inside the batch's transaction. */
    static void write(Connection c, CopyManager copy, Batch b) throws SQLException {
        if (b.eventCount() == 0) {
            return;
        }
        try (Copy out = new Copy(copy, PLAYER_TYPES.stage())) {
            for (Map.Entry<Batch.PlayerType, Batch.Sum> e : b.playerTypes().entrySet()) {
                out.row.text(e.getKey().player()).tab().text(e.getKey().type()).tab();
                sums(out.row, e.getValue()).tab();
                seen(out.row, e.getValue()).endRow();
            }
        }
        try (Copy out = new Copy(copy, PLAYER_HOURS.stage())) {
            for (Map.Entry<Batch.PlayerHour, Batch.Sum> e : b.playerHours().entrySet()) {
                out.row.text(e.getKey().player()).tab().text(e.getKey().type()).tab().number(e.getKey().hour()).tab();
                sums(out.row, e.getValue()).endRow();
            }
        }
        try (Copy out = new Copy(copy, PLAYER_DAYS.stage())) {
            for (Map.Entry<Batch.PlayerDay, Batch.Sum> e : b.playerDays().entrySet()) {
                out.row.text(e.getKey().player()).tab().text(e.getKey().type()).tab().number(e.getKey().day()).tab();
                sums(out.row, e.getValue()).endRow();
            }
        }
        try (Copy out = new Copy(copy, MODE_HOURS.stage())) {
            for (Map.Entry<Batch.ModeHour, Batch.Sum> e : b.modeHours().entrySet()) {
                out.row.text(e.getKey().mode()).tab().number(e.getKey().hour()).tab().text(e.getKey().type()).tab();
                sums(out.row, e.getValue()).endRow();
            }
        }
        try (Copy out = new Copy(copy, GAME_PLAYERS.stage())) {
            for (Map.Entry<Batch.GamePlayer, Batch.Sum> e : b.gamePlayers().entrySet()) {
                out.row.text(e.getKey().game()).tab().text(e.getKey().player()).tab();
                sums(out.row, e.getValue()).endRow();
            }
        }
        try (Copy out = new Copy(copy, GAMES.stage())) {
            for (Map.Entry<String, Batch.Game> e : b.games().entrySet()) {
                Batch.Sum s = e.getValue().sum;
                out.row.text(e.getKey()).tab().text(e.getValue().mode).tab().number(s.events).tab();
                seen(out.row, s).endRow();
            }
        }
        try (Statement st = c.createStatement()) {
            for (Rollup r : ALL) {
                st.addBatch(r.merge());
            }
            st.executeBatch();
        }
    }

    private static CopyText sums(CopyText row, Batch.Sum s) throws SQLException {
        return row.number(s.events).tab().number(s.value);
    }

    private static CopyText seen(CopyText row, Batch.Sum s) throws SQLException {
        return row.number(micros(s.first)).tab().number(micros(s.last));
    }

    /** Rounded to the microsecond as the raw events' timestamps are. */
    private static long micros(Instant t) {
        return CopyBinary.micros(t);
    }

    /** The batch's events into {@code log_events}, in COPY's binary format (PostgreSQL parses no text). */
    static void copyRaw(CopyManager copy, PgRawRows rows) throws SQLException {
        CopyIn in = copy.copyIn("COPY log_events (ts, game_id, mode, player_id, type, value, data, job_id, line) "
                + "FROM STDIN (FORMAT binary)");
        try {
            rows.copyTo(in);
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (in.isActive()) {
                try {
                    in.cancelCopy(); // the COPY must end before the batch's rollback can be sent
                } catch (SQLException c) {
                    e.addSuppressed(c);
                }
            }
            throw e;
        }
    }

    /** One COPY … FROM STDIN in text format; {@link #close()} ends it (or cancels it when it was not ended). */
    private static final class Copy implements AutoCloseable {
        private final CopyIn in;
        final CopyText row;
        private boolean ok;

        Copy(CopyManager copy, String target) throws SQLException {
            this.in = copy.copyIn("COPY " + target + " FROM STDIN");
            this.row = new CopyText(in::writeToCopy);
        }

        @Override
        public void close() throws SQLException {
            if (ok) {
                return;
            }
            ok = true;
            try {
                row.flush();
                in.endCopy();
            } catch (SQLException e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                throw e;
            }
        }
    }
}
