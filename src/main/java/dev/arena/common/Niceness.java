package dev.arena.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux CPU priority ("nice") for bulk work, so that it yields the cores to real-time work (event loops, match
 * ticks, health checks) while they are contended and runs at full speed while they are not. Game-log ingest is
 * such work: measured on two cores, a 1 GB ingest beside a 500-client room pushed {@code /health/ready} to p99
 * 80 ms at normal priority (docs/BENCHMARKS.md). So is storing finished matches: pinned to one core, the inserts of
 * 500 results stretched the collector's pauses to 176 ms (docs/BENCHMARKS.md, 2026-12-08).
 *
 * <p>Raising a nice value needs no privilege, lowering it again does: only threads that do nothing else (their own
 * pool's) and processes that serve only that work (an ingest's PostgreSQL backend, the results pool's) are lowered.
 * Java 21 has no {@code setpriority}, so this runs {@code renice(1)} (util-linux, busybox) once per thread or process,
 * on the thread being lowered or a worker (never an event loop). Where that fails (not Linux, no renice, another
 * user's process) the work runs at normal priority and one warning says why.
 */
public final class Niceness {
    private static final Logger log = LoggerFactory.getLogger(Niceness.class);
    private static final AtomicBoolean warned = new AtomicBoolean();
    /** The lowest priority Linux has. */
    public static final int MAX = 19;

    private Niceness() {
    }

    /**
     * Threads named {@code prefix-1, -2, ...} (daemons) that lower their own priority by {@code steps} nice values
     * before their first task; 0 leaves them at the priority they are created with.
     */
    public static ThreadFactory threads(String prefix, int steps) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                if (steps > 0) {
                    currentThreadId().ifPresent(tid -> lower(tid, steps));
                }
                r.run();
            }, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Raises the nice value of a thread or process (its Linux task id) by {@code steps}, up to 19: relative, so that
     * a server started with {@code nice} keeps the same gap between its games and its bulk work. True when done.
     */
    public static boolean lower(long taskId, int steps) {
        OptionalInt now = of(taskId);
        if (now.isEmpty()) {
            warnOnce("no /proc/" + taskId + "/stat");
            return false;
        }
        int nice = Math.min(MAX, now.getAsInt() + steps);
        if (nice == now.getAsInt()) {
            return true;
        }
        try {
            Process p = new ProcessBuilder("renice", Integer.toString(nice), "-p", Long.toString(taskId))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                warnOnce("renice " + nice + " -p " + taskId + " failed: " + out);
                return false;
            }
            return true;
        } catch (IOException e) {
            warnOnce("renice is not available (" + e.getMessage() + ")");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The nice value of a Linux task (a thread or a process), from /proc; empty where there is none. */
    public static OptionalInt of(long taskId) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(taskId), "stat"));
            // fields after the command name (which may hold spaces and parentheses): state is field 3, nice 19
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(f[19 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The calling thread's Linux task id (not its Java id), from /proc/thread-self; empty off Linux. */
    public static OptionalLong currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            return OptionalLong.of(Long.parseLong(link.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.warn("bulk work (log ingest, result writes) runs at normal CPU priority: {}", why);
        }
    }
}
