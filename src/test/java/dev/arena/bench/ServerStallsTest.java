package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The stalls between two scrapes: loop delays and collector pauses over 25 ms, summed over their labels. */
class ServerStallsTest {

    private static ServerSample scrape(long loopTotal, long loopUpTo25, long loopUpTo100, long youngTotal,
                                       long youngUpTo25, double loopMax) {
        return ServerSample.parse("""
                # TYPE arena_event_loop_delay_seconds histogram
                arena_event_loop_delay_seconds_bucket{le="0.01"} %1$d
                arena_event_loop_delay_seconds_bucket{le="0.025"} %2$d
                arena_event_loop_delay_seconds_bucket{le="0.1"} %3$d
                arena_event_loop_delay_seconds_bucket{le="+Inf"} %1$d
                arena_event_loop_delay_seconds_count %1$d
                arena_event_loop_delay_seconds_sum 1.5
                arena_event_loop_delay_seconds_max %6$s
                jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",le="0.025"} %5$d
                jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",le="+Inf"} %4$d
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %4$d
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %4$d.0
                jvm_gc_pause_seconds_bucket{action="end of major GC",cause="G1 Compaction Pause",gc="G1 Full",le="0.025"} 0
                jvm_gc_pause_seconds_count{action="end of major GC",cause="G1 Compaction Pause",gc="G1 Full"} 1
                jvm_gc_pause_seconds_sum{action="end of major GC",cause="G1 Compaction Pause",gc="G1 Full"} 0.2
                """.formatted(loopTotal, loopUpTo25, loopUpTo100, youngTotal, youngUpTo25, loopMax));
    }

    @Test
    void countsWhatWentOver25And100MsBetweenTheScrapesOnly() {
        // before: 1,000 checks, 2 over 25 ms (1 over 100); after: 3,000 checks, 7 over 25 ms (2 over 100)
        ServerSample before = scrape(1_000, 998, 999, 10, 9, 0.03);
        ServerSample after = scrape(3_000, 2_993, 2_998, 14, 11, 0.12);
        JsonObject stalls = ServerStalls.between(before, after);

        assertThat(stalls.getLong("event_loop_checks")).isEqualTo(2_000);
        assertThat(stalls.getLong("event_loop_delays_over_25ms")).isEqualTo(5);
        assertThat(stalls.getLong("event_loop_delays_over_100ms")).isEqualTo(1);
        assertThat(stalls.getDouble("event_loop_delay_max_recent_ms")).isEqualTo(120.0);
        // young: 4 pauses, 2 of them over 25 ms; the full collection was there before, so it is not counted
        assertThat(stalls.getLong("gc_pauses")).isEqualTo(4);
        assertThat(stalls.getLong("gc_pauses_over_25ms")).isEqualTo(2);
        assertThat(stalls.getDouble("gc_pause_ms")).isEqualTo(4_000.0);
    }

    @Test
    void aCollectorFirstSeenAfterTheWindowStartedCountsFromZero() {
        ServerSample before = ServerSample.parse("arena_event_loop_delay_seconds_count 10\n"
                + "arena_event_loop_delay_seconds_bucket{le=\"0.025\"} 10\n");
        ServerSample after = scrape(30, 29, 30, 3, 1, 0.05);
        JsonObject stalls = ServerStalls.between(before, after);
        assertThat(stalls.getLong("event_loop_delays_over_25ms")).isEqualTo(1);
        assertThat(stalls.getLong("gc_pauses")).isEqualTo(4); // 3 young and the full one, all new
        assertThat(stalls.getLong("gc_pauses_over_25ms")).isEqualTo(3);
    }

    @Test
    void pausesWithoutBucketsAreNotCountedAsNoneOver25Ms() {
        ServerSample before = ServerSample.parse("jvm_gc_pause_seconds_count{gc=\"G1 Young Generation\"} 1\n");
        ServerSample after = ServerSample.parse("jvm_gc_pause_seconds_count{gc=\"G1 Young Generation\"} 5\n");
        JsonObject stalls = ServerStalls.between(before, after);
        assertThat(stalls.getLong("gc_pauses")).isEqualTo(4);
        assertThat(stalls.containsKey("gc_pauses_over_25ms")).isFalse();
    }

    @Test
    void anOlderServerWithoutTheMeterSaysSo() {
        ServerSample none = ServerSample.parse("process_cpu_usage 0.2\n");
        assertThat(ServerStalls.between(none, none).getString("error")).contains("arena_event_loop_delay_seconds");
    }
}
