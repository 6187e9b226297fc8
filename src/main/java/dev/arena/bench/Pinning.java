package dev.arena.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --pin SERVER:BENCH}: moves every thread of the server (and of the processes counted with it) onto the
 * server's cores and every thread of this bench onto the others, with {@code taskset -a -p -c}. A second
 * configuration beside the shared one: the client then cannot take the server's CPU, so what is left is the
 * server's own cost.
 */
final class Pinning {
    private Pinning() {}

    /** The {@code taskset} command lines that pin {@code pids} to {@code cpus}. */
    static List<List<String>> commands(String cpus, Iterable<Integer> pids) {
        List<List<String>> out = new ArrayList<>();
        for (int pid : pids) {
            out.add(List.of("taskset", "-a", "-p", "-c", cpus, Integer.toString(pid)));
        }
        return out;
    }

    /** Runs the commands; returns what failed (empty when all were pinned). */
    static List<String> apply(String spec, ServerProcesses server) {
        String[] parts = spec.split(":");
        List<String> failed = new ArrayList<>();
        List<List<String>> all = new ArrayList<>(commands(parts[0], server.sample().pids()));
        all.addAll(commands(parts[1], List.of((int) ProcessHandle.current().pid())));
        for (List<String> cmd : all) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    failed.add(String.join(" ", cmd) + ": " + out.strip());
                }
            } catch (IOException e) {
                failed.add(String.join(" ", cmd) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add("interrupted");
            }
        }
        return failed;
    }
}
