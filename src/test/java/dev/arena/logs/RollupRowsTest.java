package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows kept in arrays: found again by their key after the table grew, with their sums, times and links. */
class RollupRowsTest {

    @Test
    void rowsKeepTheirIndexSumsAndLinksAcrossGrowth() {
        RollupRows types = new RollupRows(16, true);
        RollupRows hours = new RollupRows(16, false);
        Instant t0 = Instant.parse("2026-12-01T00:00:00.123456789Z");
        for (int p = 0; p < 20_000; p++) {
            String player = ("p-" + p).intern();
            for (int h = 0; h < 3; h++) {
                int row = hours.add(player, "kill", h * 3_600L);
                assertThat(row).isEqualTo(p * 3 + h);
                if (hours.up(row) < 0) {
                    hours.up(row, types.add(player, "kill", 0));
                }
                hours.count(row, p);
                types.count(hours.up(row), p, t0.plusSeconds(h * 3_600L - p));
            }
        }
        assertThat(hours.size()).isEqualTo(60_000);
        assertThat(types.size()).isEqualTo(20_000);
        int row = hours.get("p-1234", "kill", 7_200);
        assertThat(hours.a(row)).isEqualTo("p-1234");
        assertThat(hours.n(row)).isEqualTo(7_200);
        assertThat(hours.sum(row).events).isEqualTo(1);
        assertThat(hours.sum(row).value).isEqualTo(1234);
        assertThat(hours.sum(row).first).as("hourly rows keep no times").isNull();
        Batch.Sum total = types.sum(hours.up(row));
        assertThat(types.a(hours.up(row))).isEqualTo("p-1234");
        assertThat(total.events).isEqualTo(3);
        assertThat(total.value).isEqualTo(3 * 1234);
        assertThat(total.first).isEqualTo(t0.minusSeconds(1234));
        assertThat(total.last).isEqualTo(t0.plusSeconds(7_200 - 1234));
        assertThat(hours.get("p-1234", "kill", 10_800)).isEqualTo(-1);
        assertThat(hours.get("nobody", "kill", 0)).isEqualTo(-1);
    }

    @Test
    void aMergeKeepsTheEarliestAndLatestToTheNanosecondAndAddsTheSums() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        RollupRows group = new RollupRows(16, true);
        RollupRows batch = new RollupRows(16, true);
        int g = group.add("g-1", null, 0);
        group.count(g, 2, t.plusNanos(5));
        int b = batch.add("g-1", null, 0);
        batch.count(b, 3, t.plusNanos(4));
        batch.count(b, 4, t.plusNanos(6));
        int empty = batch.add("g-2", null, 0);

        group.merge(g, batch, b);
        group.merge(g, batch, empty); // a row no event reached leaves the times alone
        group.merge(group.add("g-2", null, 0), batch, empty);

        Batch.Sum s = group.sum(g);
        assertThat(s.events).isEqualTo(3);
        assertThat(s.value).isEqualTo(9);
        assertThat(s.first).isEqualTo(t.plusNanos(4));
        assertThat(s.last).isEqualTo(t.plusNanos(6));
        Batch.Sum none = group.sum(group.get("g-2", null, 0));
        assertThat(none.events).isZero();
        assertThat(none.first).as("a row no event reached has no times").isNull();
    }
}
