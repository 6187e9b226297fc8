package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.MutableClock;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raw events older than ARENA_LOG_RETENTION go a day at a time; the rollups stay. */
class LogRetentionIntegrationTest {

    @Test
    void oldRawPartitionsAreDroppedAndRollupsKept() {
        String db = TestDatabases.asUrl(TestDatabases.fresh(LogRetentionIntegrationTest.class));
        Map<String, String> env = Map.of("ARENA_DATABASE_URL", db, "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET,
                "ARENA_LOG_RETENTION", "2d");
        // events from 2026-12-01 to 2026-12-03 (the generator spans three days)
        byte[] file = LogFixtures.generate(3_000, 10, 4, 11, 0);
        String all = "/logs/export?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z";
        try (TestNode early = TestNode.start(env, new MutableClock(Instant.parse("2026-12-04T00:00:00Z")))) {
            String token = LogFixtures.ingestToken(early, Role.INGEST);
            assertThat(LogFixtures.upload(early, token, "", file, Map.of()).json().getLong("events")).isEqualTo(3_000);
            assertThat(early.http().get(all, token).body().split("\n")).hasSize(3_000);
        }
        // at 12-05 with 2 days kept, the cut is 12-03T00:00: the partitions of 12-01 and 12-02 end by then
        try (TestNode later = TestNode.start(env, new MutableClock(Instant.parse("2026-12-05T00:00:00Z")))) {
            String token = LogFixtures.ingestToken(later, Role.INGEST);
            String left = Eventually.until(() -> later.http().get(all, token).body(),
                    body -> !body.contains("\"ts\":\"2026-12-02"), "the days before 12-03 dropped");
            assertThat(left).doesNotContain("\"ts\":\"2026-12-01").contains("\"ts\":\"2026-12-03");
            LogFixtures.assertAnalytics(later, token, LogFixtures.Expected.of(file));
        }
    }
}
