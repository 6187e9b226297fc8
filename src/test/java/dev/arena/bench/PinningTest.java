package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinningTest {
    @Test
    void pinsEveryThreadOfEachProcess() {
        assertThat(Pinning.commands("0", List.of(10, 20))).containsExactly(
                List.of("taskset", "-a", "-p", "-c", "0", "10"), List.of("taskset", "-a", "-p", "-c", "0", "20"));
    }
}
