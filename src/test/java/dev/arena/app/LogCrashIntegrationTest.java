package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.DatabaseUrl;
import dev.arena.identity.Role;
import dev.arena.logs.LogFixtures;
import dev.arena.testing.Eventually;
import dev.arena.testing.MutableClock;
import dev.arena.testing.Response;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node stopped as if killed in the middle of an ingest: what it committed stays, nothing is counted twice, and
 * the upload resumes on another node of the same database from the committed offset with exact totals.
 */
class LogCrashIntegrationTest {

    @Test
    void anIngestCutByACrashResumesOnAnotherNodeWithExactTotals() throws Exception {
        var database = TestDatabases.fresh(LogCrashIntegrationTest.class);
        String db = TestDatabases.asUrl(database);
        Map<String, String> env = Map.of("ARENA_DATABASE_URL", db, "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET,
                "ARENA_LOG_BATCH", "500");
        byte[] f = LogFixtures.generate(8_000, 30, 9, 7, 0.002);
        String key = "crash-file";
        long offset;
        String job;
        TestNode doomed = TestNode.start(env, new MutableClock());
        try {
            String token = LogFixtures.ingestToken(doomed, Role.INGEST);
            // 60% sent, a commit group committed when the upload stalls; then 30% more, whose batches go into the
            // next group's open transaction, and the node dies with that group open (written, not committed)
            Socket s = LogFixtures.partialUpload(doomed, token, key, f, f.length * 6 / 10);
            Eventually.until(() -> LogFixtures.jobOfStalled(doomed, token, key),
                    j -> j != null && j.getLong("bytes") > 0, "a commit group committed");
            s.getOutputStream().write(f, f.length * 6 / 10, f.length * 3 / 10);
            s.getOutputStream().flush();
            Eventually.until(() -> TestDatabases.queryOne("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                    + database.database() + "' AND state = 'idle in transaction' AND backend_xid IS NOT NULL"),
                    "1"::equals, "raw rows written into an open commit group");
            doomed.arena().crash();
            s.close();
        } finally {
            doomed.close();
        }
        // as after a real kill -9: the dead node's database sessions (and so its job lock) are gone before a node
        // starts again (PostgreSQL ends a backend whose client vanished once its statement under way is over)
        Eventually.until(() -> TestDatabases.queryOne("SELECT count(*) FROM pg_locks l JOIN pg_database d "
                + "ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = '" + database.database() + "'"),
                "0"::equals, "the killed node's sessions gone");

        try (TestNode heir = TestNode.start(env, new MutableClock())) {
            String token = LogFixtures.ingestToken(heir, Role.INGEST);
            JsonObject left = LogFixtures.jobOf(heir, token, key);
            assertThat(left.getString("status")).as("marked at start: its ingest died with the node")
                    .isEqualTo("interrupted");
            offset = left.getLong("bytes");
            job = left.getString("job_id");
            assertThat(offset).isPositive().isLessThan(f.length);
            assertThat(f[(int) offset - 1]).isEqualTo((byte) '\n');
            Response resumed = LogFixtures.upload(heir, token, "?job_id=" + job + "&offset=" + offset,
                    Arrays.copyOfRange(f, (int) offset, f.length), Map.of("Idempotency-Key", key));
            assertThat(resumed.status()).as("%s", resumed).isEqualTo(201);
            LogFixtures.Expected expected = LogFixtures.Expected.of(f);
            assertThat(resumed.json().getLong("lines")).isEqualTo(8_000);
            assertThat(resumed.json().getLong("events")).isEqualTo(expected.events());
            assertThat(resumed.json().getLong("bad_lines")).isEqualTo(8_000 - expected.events());
            LogFixtures.assertAnalytics(heir, token, expected);
            // and the raw events: each good line stored once
            String raw = heir.http().get("/logs/export?to=2027-01-01T00:00:00Z", token).body();
            assertThat(raw.split("\n")).hasSize((int) expected.events());
            // the resumed part (at least 3,200 lines: 7 batches of 500) came in one commit group, split only where a
            // batch needed a day's partition that did not exist yet (made outside any open transaction): a commit
            // per batch would be 7 transactions or more
            assertThat(transactionsThatWrote(database, "log_events WHERE line > " + left.getLong("lines")))
                    .isLessThan(4);
            assertThat(transactionsThatWrote(database, "log_events")).as("the commits of both nodes").isLessThan(8);
        }
    }

    /** How many transactions wrote the rows a query selects (their xmin). */
    private static long transactionsThatWrote(DatabaseUrl db, String rows) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(DISTINCT xmin::text) FROM " + rows)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aNodeStartingBesideALiveIngestLeavesItsJobRunning() throws Exception {
        String db = TestDatabases.asUrl(TestDatabases.fresh(LogCrashIntegrationTest.class));
        Map<String, String> env = Map.of("ARENA_DATABASE_URL", db, "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET,
                "ARENA_LOG_BATCH", "500");
        byte[] f = LogFixtures.generate(4_000, 20, 6, 8, 0);
        try (TestNode owner = TestNode.start(env, new MutableClock())) {
            String token = LogFixtures.ingestToken(owner, Role.INGEST);
            try (Socket s = LogFixtures.partialUpload(owner, token, "live-file", f, f.length / 2)) {
                Eventually.until(() -> LogFixtures.jobOfStalled(owner, token, "live-file"),
                        j -> j != null && j.getLong("bytes") > 0, "a commit group committed");
                try (TestNode other = TestNode.start(env, new MutableClock())) {
                    assertThat(LogFixtures.jobOf(other, LogFixtures.ingestToken(other, Role.INGEST), "live-file")
                            .getString("status")).as("its ingest is alive on the first node").isEqualTo("running");
                }
            }
        }
    }
}
