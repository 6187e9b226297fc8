package dev.arena.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server as the kernel accounts for it: the process named by {@code --server-pid}, every process descended from
 * it, and its embedded PostgreSQL (the postmaster named in {@code <ARENA_DATA_DIR>/postgres/postmaster.pid}, read
 * from the server's environment and working directory, which {@code pg_ctl} leaves re-parented away from the
 * server) with all its backends. CPU time (user + system, {@code /proc/<pid>/stat}) and resident memory
 * ({@code /proc/<pid>/status} VmRSS) are summed over them, so "server CPU per delivered message" includes the
 * database's share. Linux only; every figure is absent when {@code /proc} cannot be read.
 */
final class ServerProcesses {
    static final double CLOCK_TICKS_PER_SECOND = 100.0; // USER_HZ: 100 on every Linux build in use

    /** One reading: CPU ticks summed, resident KiB summed, and the pids they cover. */
    record Sample(long cpuTicks, long rssKib, Set<Integer> pids, long nanos) {
        /** Server CPU microseconds between two readings. */
        static double cpuMicros(Sample before, Sample after) {
            return (after.cpuTicks - before.cpuTicks) * 1e6 / CLOCK_TICKS_PER_SECOND;
        }

        /** Server CPU between two readings in cores (1.0 = one core busy all the time). */
        static double cores(Sample before, Sample after) {
            return cpuMicros(before, after) / ((after.nanos - before.nanos) / 1e3);
        }
    }

    private final int serverPid;
    private final Set<Integer> extraRoots;

    ServerProcesses(int serverPid, List<Integer> extraRoots) {
        this.serverPid = serverPid;
        this.extraRoots = new LinkedHashSet<>(extraRoots);
    }

    /** The roots: the server, its embedded postmaster when found, and any pid given with {@code --db-pid}. */
    Set<Integer> roots() {
        Set<Integer> roots = new LinkedHashSet<>();
        roots.add(serverPid);
        roots.addAll(extraRoots);
        Integer postmaster = embeddedPostmaster(serverPid);
        if (postmaster != null) {
            roots.add(postmaster);
        }
        return roots;
    }

    Sample sample() {
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, String> stats = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName()
                .toString()))) {
            for (Path p : procs) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int pid = Integer.parseInt(p.getFileName().toString());
                    parents.put(pid, parentPid(stat));
                    stats.put(pid, stat);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            return new Sample(-1, -1, Set.of(), System.nanoTime());
        }
        Set<Integer> pids = tree(parents, roots());
        long ticks = 0;
        long rss = 0;
        for (int pid : pids) {
            String stat = stats.get(pid);
            if (stat != null) {
                ticks += ServerSample.cpuTicks(stat);
                rss += rssKib(pid);
            }
        }
        return new Sample(ticks, rss, pids, System.nanoTime());
    }

    /** The roots that exist and every process descended from one of them. */
    static Set<Integer> tree(Map<Integer, Integer> parentOf, Set<Integer> roots) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        parentOf.forEach((pid, parent) -> children.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(pid));
        Set<Integer> out = new HashSet<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int r : roots) {
            if (parentOf.containsKey(r)) {
                todo.add(r);
            }
        }
        while (!todo.isEmpty()) {
            int p = todo.poll();
            if (out.add(p)) {
                todo.addAll(children.getOrDefault(p, List.of()));
            }
        }
        return out;
    }

    /** Field 4 of a {@code /proc/<pid>/stat} line (after the parenthesised command name). */
    static int parentPid(String statLine) {
        int close = statLine.lastIndexOf(')');
        String[] f = statLine.substring(close + 2).trim().split(" +");
        return Integer.parseInt(f[1]);
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static long rssKib(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or a kernel thread without memory
        }
        return 0;
    }

    /** The embedded postmaster of an Arena server, from its data directory's {@code postmaster.pid}; else null. */
    static Integer embeddedPostmaster(int serverPid) {
        try {
            Path proc = Path.of("/proc", Integer.toString(serverPid));
            String dataDir = dataDir(read0(proc.resolve("environ")), read0(proc.resolve("cmdline")));
            Path dir = Files.readSymbolicLink(proc.resolve("cwd")).resolve(dataDir);
            Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
            return Integer.parseInt(Files.readAllLines(pidFile).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return null; // external database, or not readable
        }
    }

    /**
     * The server's data directory as its configuration decides it: {@code --data-dir} on the command line before
     * {@code ARENA_DATA_DIR} in the environment, else {@code ./data}. (Reading only the environment missed the
     * database of every server started with the flag: its CPU and memory were left out of the figures.)
     */
    static String dataDir(List<String> environ, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--data-dir=")) {
                return a.substring("--data-dir=".length());
            }
        }
        for (String kv : environ) {
            if (kv.startsWith("ARENA_DATA_DIR=")) {
                return kv.substring("ARENA_DATA_DIR=".length());
            }
        }
        return "./data";
    }

    private static List<String> read0(Path file) throws IOException {
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"));
    }
}
