package dev.arena.storage.postgres;

import dev.arena.logs.Batch;
import dev.arena.logs.LogEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A batch's rollup deltas as one upsert per rollup table (arrays unnested, so a batch costs five statements
 * whatever its size), and its raw events in COPY's text format.
 */
final class PgLogRollups {
    private PgLogRollups() {}

    static void write(Connection c, Batch b) throws SQLException {
        var playerTypes = b.playerTypes();
        upsert(c, "INSERT INTO log_player_types (player_id, type, events, value_sum, first_seen, last_seen) "
                + "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::float8[], ?::timestamptz[], ?::timestamptz[]) "
                + "ON CONFLICT (player_id, type) DO UPDATE SET events = log_player_types.events + excluded.events, "
                + "value_sum = log_player_types.value_sum + excluded.value_sum, "
                + "first_seen = least(log_player_types.first_seen, excluded.first_seen), "
                + "last_seen = greatest(log_player_types.last_seen, excluded.last_seen)",
                playerTypes, List.of(e -> e.getKey().player(), e -> e.getKey().type()), true);
        upsert(c, "INSERT INTO log_player_hours (player_id, type, hour, events, value_sum) "
                + "SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::float8[]) "
                + "ON CONFLICT (player_id, type, hour) DO UPDATE SET events = log_player_hours.events + excluded.events, "
                + "value_sum = log_player_hours.value_sum + excluded.value_sum",
                b.playerHours(), List.of(e -> e.getKey().player(), e -> e.getKey().type(),
                        e -> e.getKey().hour().toString()), false);
        upsert(c, "INSERT INTO log_mode_hours (mode, hour, type, events, value_sum) "
                + "SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::bigint[], ?::float8[]) "
                + "ON CONFLICT (mode, hour, type) DO UPDATE SET events = log_mode_hours.events + excluded.events, "
                + "value_sum = log_mode_hours.value_sum + excluded.value_sum",
                b.modeHours(), List.of(e -> e.getKey().mode(), e -> e.getKey().hour().toString(),
                        e -> e.getKey().type()), false);
        upsert(c, "INSERT INTO log_game_players (game_id, player_id, events, value_sum) "
                + "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::float8[]) "
                + "ON CONFLICT (game_id, player_id) DO UPDATE SET events = log_game_players.events + excluded.events, "
                + "value_sum = log_game_players.value_sum + excluded.value_sum",
                b.gamePlayers(), List.of(e -> e.getKey().game(), e -> e.getKey().player()), false);
        var games = b.games();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_games (game_id, mode, events, first_ts, last_ts) "
                + "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::timestamptz[]) "
                + "ON CONFLICT (game_id) DO UPDATE SET events = log_games.events + excluded.events, "
                + "first_ts = least(log_games.first_ts, excluded.first_ts), "
                + "last_ts = greatest(log_games.last_ts, excluded.last_ts)")) {
            ps.setArray(1, c.createArrayOf("text", games.stream().map(e -> e.getKey().game()).toArray()));
            ps.setArray(2, c.createArrayOf("text", games.stream().map(e -> e.getKey().mode()).toArray()));
            ps.setArray(3, c.createArrayOf("int8", games.stream().map(e -> e.getValue().events).toArray()));
            ps.setArray(4, c.createArrayOf("text", games.stream().map(e -> e.getValue().first.toString()).toArray()));
            ps.setArray(5, c.createArrayOf("text", games.stream().map(e -> e.getValue().last.toString()).toArray()));
            ps.executeUpdate();
        }
    }

    /** Key columns, then events and value sums, then (with {@code seen}) first and last timestamps. */
    private static <K> void upsert(Connection c, String sql, List<Map.Entry<K, Batch.Sum>> rows,
                                   List<Function<Map.Entry<K, Batch.Sum>, String>> keys, boolean seen)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (var key : keys) {
                ps.setArray(i++, c.createArrayOf("text", rows.stream().map(key).toArray()));
            }
            // the hour key sits between text keys in some tables: its column is cast from text like the others
            ps.setArray(i++, c.createArrayOf("int8", rows.stream().map(e -> e.getValue().events).toArray()));
            ps.setArray(i++, c.createArrayOf("float8", rows.stream().map(e -> e.getValue().value).toArray()));
            if (seen) {
                ps.setArray(i++, c.createArrayOf("text", rows.stream().map(e -> e.getValue().first.toString()).toArray()));
                ps.setArray(i, c.createArrayOf("text", rows.stream().map(e -> e.getValue().last.toString()).toArray()));
            }
            ps.executeUpdate();
        }
    }

    /** The batch's events as COPY text rows (tab-separated, backslash escapes, {@code \N} for null). */
    static byte[] copyRows(Batch b, UUID job) {
        StringBuilder sb = new StringBuilder(b.events().size() * 160);
        String jobText = job.toString();
        List<LogEvent> events = b.events();
        List<Long> lines = b.eventLines();
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            sb.append(e.ts()).append('\t');
            escape(sb, e.gameId()).append('\t');
            escape(sb, e.mode()).append('\t');
            escape(sb, e.playerId()).append('\t');
            sb.append(e.type()).append('\t').append(e.value()).append('\t');
            if (e.data() == null) {
                sb.append("\\N");
            } else {
                escape(sb, e.data());
            }
            sb.append('\t').append(jobText).append('\t').append(lines.get(i)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }
}
