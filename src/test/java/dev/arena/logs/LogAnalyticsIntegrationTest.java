package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.DatabaseUrl;
import dev.arena.identity.Role;
import dev.arena.storage.postgres.PgLogQueries;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.Eventually;
import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One generated file in a database of its own; the analytics reads are compared with sums computed here. */
class LogAnalyticsIntegrationTest {
    private static TestNode node;
    private static DatabaseUrl db;
    private static Vertx vertx;
    private static String token;
    private static byte[] file;
    private static JsonObject job;
    private static final List<JsonObject> progress = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.fresh(LogAnalyticsIntegrationTest.class);
        node = TestNode.start(LogAnalyticsIntegrationTest.class, Map.of("ARENA_LOG_BATCH", "1000",
                "ARENA_DATABASE_URL", TestDatabases.asUrl(db)));
        vertx = Vertx.vertx();
        token = LogFixtures.ingestToken(node, Role.INGEST);
        file = LogFixtures.generate(10_000, 25, 12, 99, 0);
        // half the body, then a watcher joins the job's room, then the rest: progress arrives in the room
        int half = file.length / 2;
        try (Socket s = LogFixtures.partialUpload(node, token, "analytics-file", file, half);
             WsClient watcher = WsClient.gateway(vertx, node.arena().port(), token)) {
            JsonObject running = Eventually.until(() -> LogFixtures.jobOfStalled(node, token, "analytics-file"),
                    j -> j != null && j.getLong("bytes") > 0, "a first commit");
            WsClient.join(watcher, "logs:" + running.getString("job_id"));
            s.getOutputStream().write(file, half, file.length - half);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 201");
            JsonObject done = watcher.await(o -> "room.message".equals(o.getString("type"))
                    && "done".equals(o.getJsonObject("data").getString("status")), "progress: done");
            progress.add(done.getJsonObject("data"));
        }
        job = LogFixtures.jobOf(node, token, "analytics-file");
    }

    @AfterAll
    static void stop() {
        node.close();
        vertx.close();
    }

    private static List<JsonObject> events() {
        List<JsonObject> out = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            out.add(new JsonObject(line));
        }
        return out;
    }

    @Test
    void theProgressRoomSaysTheFinalCounts() {
        JsonObject last = progress.getFirst();
        assertThat(last.getString("job_id")).isEqualTo(job.getString("job_id"));
        assertThat(last.getLong("events")).isEqualTo(10_000);
        assertThat(last.getLong("bytes")).isEqualTo(file.length);
        assertThat(last.getLong("total_bytes")).isEqualTo(file.length);
        assertThat(last.containsKey("eta_seconds")).isTrue();
        assertThat(job.getString("status")).isEqualTo("done");
    }

    @Test
    void modesPerDayAndHourAddUpToTheFile() {
        Map<String, Long> expectedDays = new TreeMap<>();
        Map<String, Long> expectedHours = new TreeMap<>();
        for (JsonObject e : events()) {
            Instant ts = Instant.parse(e.getString("ts"));
            expectedDays.merge(e.getString("mode") + "@" + ts.truncatedTo(ChronoUnit.DAYS) + "/" + e.getString("type"),
                    1L, Long::sum);
            if (ts.isBefore(LogGenerator.START.plus(Duration.ofDays(1)))) {
                expectedHours.merge(e.getString("mode") + "@" + ts.truncatedTo(ChronoUnit.HOURS) + "/"
                        + e.getString("type"), 1L, Long::sum);
            }
        }
        assertThat(rows("/analytics/modes?bucket=day&from=2026-11-30T00:00:00Z&to=2026-12-10T00:00:00Z"))
                .isEqualTo(expectedDays);
        assertThat(rows("/analytics/modes?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z"))
                .isEqualTo(expectedHours);
        assertThat(node.http().get("/analytics/modes?bucket=week", token).status()).isEqualTo(422);
        assertThat(node.http().get("/analytics/modes?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", token)
                .status()).as("a year in hours is too long").isEqualTo(422);
        assertThat(node.http().get("/analytics/modes?from=yesterday", token).status()).isEqualTo(422);
    }

    private static Map<String, Long> rows(String path) {
        Map<String, Long> out = new TreeMap<>();
        var r0 = node.http().get(path, token);
        assertThat(r0.status()).as("%s", r0).isEqualTo(200);
        r0.json().getJsonArray("rows").forEach(o -> {
            JsonObject r = (JsonObject) o;
            out.put(r.getString("mode") + "@" + r.getString("start") + "/" + r.getString("type"), r.getLong("events"));
        });
        return out;
    }

    @Test
    void topPlayersOfTheLast24HoursByValue() {
        Instant now = LogGenerator.START.plus(Duration.ofDays(3));
        node.clock().advance(Duration.between(node.clock().instant(), now));
        token = LogFixtures.ingestToken(node, Role.INGEST); // the old one expired with the jump
        Instant since = now.minus(Duration.ofHours(24));
        Map<String, Double> sums = new HashMap<>();
        for (JsonObject e : events()) {
            // the rollup is hourly: an event counts if its hour starts at or after "since"
            if (e.getString("type").equals("damage")
                    && !Instant.parse(e.getString("ts")).truncatedTo(ChronoUnit.HOURS).isBefore(since)) {
                sums.merge(e.getString("player_id"), e.getDouble("value", 1.0), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> expected = new ArrayList<>(sums.entrySet());
        expected.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        var response = node.http().get("/analytics/top?type=damage&period=24h&limit=5", token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonObject top = response.json();
        List<String> ids = top.getJsonArray("players").stream().map(o -> ((JsonObject) o).getString("player_id")).toList();
        assertThat(ids).hasSize(5);
        assertThat(((JsonObject) top.getJsonArray("players").getValue(0)).getDouble("value_sum"))
                .isEqualTo(expected.getFirst().getValue());
        assertThat(ids.getFirst()).isEqualTo(expected.getFirst().getKey());
        assertThat(node.http().get("/analytics/top?type=Damage", token).status()).isEqualTo(422);
        assertThat(node.http().get("/analytics/top?type=kill&period=2d", token).status()).isEqualTo(422);
    }

    /** 7d, 30d and 24h from the per-day rollup (V14) are the sums of the file's events, every player of them. */
    @Test
    void topPlayersOfLongPeriodsEqualTheFilesSums() {
        Instant now = LogGenerator.START.plus(Duration.ofDays(3));
        node.clock().advance(Duration.between(node.clock().instant(), now));
        token = LogFixtures.ingestToken(node, Role.INGEST);
        for (String period : List.of("7d", "30d", "24h")) {
            Instant since = now.minus(Duration.ofDays(period.equals("24h") ? 1 : Integer.parseInt(period.replace("d", ""))));
            Map<String, Double> sums = new TreeMap<>();
            for (JsonObject e : events()) {
                if (e.getString("type").equals("kill")
                        && !Instant.parse(e.getString("ts")).truncatedTo(ChronoUnit.HOURS).isBefore(since)) {
                    sums.merge(e.getString("player_id"), e.getDouble("value", 1.0), Double::sum);
                }
            }
            var response = node.http().get("/analytics/top?type=kill&period=" + period + "&limit=100", token);
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            Map<String, Double> got = new TreeMap<>();
            response.json().getJsonArray("players").forEach(o -> got.put(((JsonObject) o).getString("player_id"),
                    ((JsonObject) o).getDouble("value_sum")));
            assertThat(got).as(period).isEqualTo(sums);
        }
    }

    /**
     * The per-day query against the hourly rows alone (the answer before V14), from starts that cut a day anywhere:
     * the same players, sums and order. The rollups are kept by the same batches, so they must agree exactly.
     */
    @Test
    void topOfAPeriodFromDaysEqualsTheSumOfItsHours() throws Exception {
        String hourly = "SELECT player_id, sum(events), sum(value_sum) AS value_sum FROM log_player_hours "
                + "WHERE type = ? AND hour >= ? GROUP BY player_id ORDER BY value_sum DESC, 2 DESC, player_id LIMIT 1000";
        String daily = PgLogQueries.TOP_SINCE.replace("$1", "?").replace("$2", "?").replace("$3", "?")
                .replace("$4", "1000");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            int compared = 0;
            for (long minutes = -90; minutes < 4 * 24 * 60; minutes += 317) { // 317: cuts hours and days anywhere
                Instant since = LogGenerator.START.plus(Duration.ofMinutes(minutes));
                for (String type : List.of("kill", "damage")) {
                    List<String> want = top(c, hourly, type, since, null);
                    List<String> got = top(c, daily, type, since, PgLogQueries.nextDayStart(since));
                    assertThat(got).as("%s since %s", type, since).isEqualTo(want);
                    compared += want.isEmpty() ? 0 : 1;
                }
            }
            assertThat(compared).as("periods with players in them").isGreaterThan(10);
        }
        // and no hourly row of a whole day is read: the days' index, only the partial day's hours
        String plan = plan(PgLogQueries.TOP_SINCE.replace("$1", "'kill'").replace("$2", "'2026-12-01T05:17:00Z'")
                .replace("$3", "'2026-12-02T00:00:00Z'").replace("$4", "10"));
        assertThat(plan).contains("log_player_days_top");
    }

    private static List<String> top(Connection c, String sql, String type, Instant since, Instant dayStart)
            throws Exception {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, type);
            if (dayStart == null) {
                ps.setObject(2, since.atOffset(ZoneOffset.UTC));
            } else { // TOP_SINCE's order: type, day start, type, since, day start
                ps.setObject(2, dayStart.atOffset(ZoneOffset.UTC));
                ps.setString(3, type);
                ps.setObject(4, since.atOffset(ZoneOffset.UTC));
                ps.setObject(5, dayStart.atOffset(ZoneOffset.UTC));
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getDouble(3));
                }
            }
            return out;
        }
    }

    @Test
    void topPlayersOfAllTimeComeFromThePerTypeTotals() throws Exception {
        Map<String, Double> sums = new HashMap<>();
        for (JsonObject e : events()) {
            if (e.getString("type").equals("heal")) {
                sums.merge(e.getString("player_id"), e.getDouble("value", 1.0), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> expected = new ArrayList<>(sums.entrySet());
        expected.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        var response = node.http().get("/analytics/top?type=heal&period=all&limit=3", token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonObject> players = response.json().getJsonArray("players").stream().map(o -> (JsonObject) o).toList();
        assertThat(players).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(players.get(i).getDouble("value_sum")).isEqualTo(expected.get(i).getValue());
        }
        // the plan: the type's per-player totals by their index, the best kept by a top-N sort, no hourly rows
        // (seq and bitmap scans off: a table of 150 rows is read whole whatever indexes it has)
        String plan = plan(PgLogQueries.TOP_ALL_TIME.replace("$1", "'heal'").replace("$2", "10"));
        assertThat(plan).contains("log_player_types_type").doesNotContain("log_player_hours")
                .doesNotContain("log_player_days");
    }

    private static String plan(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            st.execute("SET enable_bitmapscan = off");
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Test
    void aGameHasItsDurationAndEventsPerPlayer() {
        Map<String, Long> perPlayer = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        String mode = null;
        for (JsonObject e : events()) {
            if (e.getString("game_id").equals("g-000003")) {
                mode = e.getString("mode");
                perPlayer.merge(e.getString("player_id"), 1L, Long::sum);
                Instant ts = Instant.parse(e.getString("ts"));
                first = first == null || ts.isBefore(first) ? ts : first;
                last = last == null || ts.isAfter(last) ? ts : last;
            }
        }
        JsonObject g = node.http().get("/analytics/games/g-000003", token).json();
        assertThat(g.getString("mode")).isEqualTo(mode);
        assertThat(g.getDouble("duration_seconds")).isEqualTo(Duration.between(first, last).toMillis() / 1000.0);
        Map<String, Long> actual = new TreeMap<>();
        g.getJsonArray("players").forEach(o -> actual.put(((JsonObject) o).getString("player_id"),
                ((JsonObject) o).getLong("events")));
        assertThat(actual).isEqualTo(perPlayer);
        assertThat(node.http().get("/analytics/games/nope", token).status()).isEqualTo(404);
        JsonObject p = node.http().get("/analytics/players/p-000001", token).json();
        assertThat(p.getJsonArray("days")).isNotEmpty();
        assertThat(p.getLong("games")).isPositive();
        assertThat(p.getValue("arena_player")).isNull();
    }
}
