package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void failsOnlyAboveTheAllowedPercentageAndListsEveryFailure() {
        Verdict v = new Verdict(1.0)
                .check("lost", 10, 1000)    // exactly 1 %: allowed
                .check("errors", 11, 1000)  // 1.1 %
                .check("closes", 1, 0)      // nothing to compare against
                .require(false, "nothing sent");
        assertThat(v.passed()).isFalse();
        assertThat(v.failures()).hasSize(3);
        assertThat(v.failures().get(0)).startsWith("errors: 11 of 1000 (1.100%)");
        assertThat(new Verdict(0).check("x", 0, 0).check("y", 0, 5).passed()).isTrue();
    }

    @Test
    void serverMemoryIsReadFromPrometheusText() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
                jvm_memory_committed_bytes{area="heap",id="G1 Old Gen"} 3.0E7
                process_resident_memory_bytes 4.0E8
                """;
        assertThat(ServerMemory.parse(text)).isEqualTo(Map.of("jvm_heap_used", 12582912.0,
                "jvm_nonheap_used", 5.0E7, "jvm_committed", 3.0E7, "process_resident", 4.0E8));
    }

    @Test
    void durationsAcceptTheUsualUnits() {
        assertThat(DurationConverter.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(DurationConverter.parse("30s").toSeconds()).isEqualTo(30);
        assertThat(DurationConverter.parse("2m").toSeconds()).isEqualTo(120);
        assertThat(DurationConverter.parse("7").toSeconds()).isEqualTo(7);
    }
}
