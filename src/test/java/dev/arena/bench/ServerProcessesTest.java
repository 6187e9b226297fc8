package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerProcessesTest {

    @Test
    void theTreeHoldsTheRootsThatExistAndAllTheirDescendants() {
        // 1 init; 10 server -> 11 helper -> 12; 20 postmaster (re-parented to init) -> 21, 22; 30 unrelated
        Map<Integer, Integer> parents = Map.of(1, 0, 10, 1, 11, 10, 12, 11, 20, 1, 21, 20, 22, 20, 30, 1);
        assertThat(ServerProcesses.tree(parents, Set.of(10, 20, 99))).containsExactlyInAnyOrder(10, 11, 12, 20, 21, 22);
    }

    @Test
    void readsTheParentAfterACommandNameWithSpacesAndParentheses() {
        assertThat(ServerProcesses.parentPid("42 (postgres: a (b) c) S 7 42 42 0 -1 4194560 1 0 0 0 5 6"))
                .isEqualTo(7);
    }

    @Test
    void findsTheDataDirectoryFromTheFlagBeforeTheEnvironment() {
        List<String> env = List.of("HOME=/root", "ARENA_DATA_DIR=/from/env");
        assertThat(ServerProcesses.dataDir(env, List.of("java", "-jar", "arena.jar", "serve", "--data-dir", "/d")))
                .isEqualTo("/d");
        assertThat(ServerProcesses.dataDir(env, List.of("java", "serve", "--data-dir=/e"))).isEqualTo("/e");
        assertThat(ServerProcesses.dataDir(env, List.of("java", "serve", "--port", "1"))).isEqualTo("/from/env");
        assertThat(ServerProcesses.dataDir(List.of("HOME=/root"), List.of("java", "serve"))).isEqualTo("./data");
    }

    @Test
    void samplesThisJvmFromProc() {
        int self = (int) ProcessHandle.current().pid();
        ServerProcesses p = new ServerProcesses(self, List.of());
        ServerProcesses.Sample before = p.sample();
        long x = 0;
        for (long i = 0; i < 200_000_000L; i++) {
            x += i ^ (x >>> 3);
        }
        ServerProcesses.Sample after = p.sample();
        assertThat(x).isNotZero();
        assertThat(after.pids()).contains(self);
        assertThat(after.rssKib()).isPositive();
        assertThat(ServerProcesses.Sample.cpuMicros(before, after)).isPositive();
    }
}
