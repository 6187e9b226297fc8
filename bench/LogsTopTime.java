import java.sql.*;
import java.time.*;

/**
 * Times GET /analytics/top's SQL for 7d, 30d and 24h: the hourly-rows query of before V14 and PgLogQueries.TOP_SINCE.
 * Usage: java -cp target/lib/postgresql-*.jar bench/LogsTopTime.java JDBC_URL NOW, on the database of a
 * `KEEP=1 bench/logs-ingest.sh FILE` server (its port: pgrep -af "postgres -D DATA/postgres").
 */
public class LogsTopTime {
    public static void main(String[] a) throws Exception {
        String url = a[0];
        Instant now = Instant.parse(a[1]);
        String hourly = "SELECT player_id, sum(events) AS events, sum(value_sum) AS value_sum FROM log_player_hours "
                + "WHERE type = ? AND hour >= ? GROUP BY player_id ORDER BY value_sum DESC, events DESC, player_id LIMIT 10";
        String daily = "SELECT player_id, sum(events) AS events, sum(value_sum) AS value_sum "
                + "FROM (SELECT player_id, events, value_sum FROM log_player_days WHERE type = ? AND day >= ? "
                + "UNION ALL SELECT player_id, events, value_sum FROM log_player_hours "
                + "WHERE type = ? AND hour >= ? AND hour < ?) AS period GROUP BY player_id "
                + "ORDER BY value_sum DESC, events DESC, player_id LIMIT 10";
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            for (String period : new String[] {"7d", "30d", "24h"}) {
                Instant since = now.minus(Duration.ofDays(period.equals("24h") ? 1 : Integer.parseInt(period.replace("d", ""))));
                Instant day = since.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                Instant next = day.equals(since) ? since : day.plus(Duration.ofDays(1));
                for (int round = 0; round < 2; round++) {
                    long h = time(c, hourly, ps -> { ps.setString(1, "kill"); ps.setObject(2, since.atOffset(ZoneOffset.UTC)); });
                    long d = time(c, daily, ps -> { ps.setString(1, "kill"); ps.setObject(2, next.atOffset(ZoneOffset.UTC));
                        ps.setString(3, "kill"); ps.setObject(4, since.atOffset(ZoneOffset.UTC)); ps.setObject(5, next.atOffset(ZoneOffset.UTC)); });
                    System.out.printf("%s round %d: hourly %.1f ms, days %.1f ms%n", period, round, h / 1e6, d / 1e6);
                }
            }
        }
    }

    interface Bind { void bind(PreparedStatement ps) throws SQLException; }

    /** Best of 5 executions, wall time of execute + reading every row. */
    static long time(Connection c, String sql, Bind b) throws SQLException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                b.bind(ps);
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) { } }
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        return best;
    }
}
