package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class MemorySlopeTest {

    private static JsonObject rss(double mib) {
        return new JsonObject().put("proc_rss_mib", mib);
    }

    @Test
    void theSlopeIsTheLeastSquaresFitOfRssOverSockets() {
        MemorySlope m = new MemorySlope();
        m.add(2_000, rss(200));
        m.add(10_000, rss(300)); // a noisy middle reading pulls the fit a little, not all the way
        m.add(18_000, rss(360));
        // x mean 10,000, y mean 286.67 MiB; slope = Σdx·dy / Σdx² = 0.01 MiB = 10.24 KiB per socket
        assertThat(m.kibPerSocket()).isCloseTo(10.24, within(0.01));
        JsonObject report = m.report();
        assertThat(report.getJsonArray("steps")).hasSize(3);
        assertThat(report.getDouble("rss_kib_per_socket")).isCloseTo(10.24, within(0.01));
        assertThat(report.getDouble("rss_mib_at_100k_extrapolated")).isCloseTo(360 + 0.01 * 82_000, within(0.1));
    }

    @Test
    void withoutTwoRssReadingsThereIsNoSlope() {
        MemorySlope m = new MemorySlope();
        m.add(2_000, rss(200));
        m.add(4_000, new JsonObject().put("metrics_error", "down"));
        assertThat(m.kibPerSocket()).isNull();
        assertThat(m.report().containsKey("rss_kib_per_socket")).isFalse();
    }
}
