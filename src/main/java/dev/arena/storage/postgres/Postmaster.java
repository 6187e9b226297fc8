package dev.arena.storage.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded postmaster of a data directory as the operating system sees it: found through its
 * {@code postmaster.pid}, stopped with PostgreSQL's own shutdown signals (SIGINT: fast, SIGQUIT: immediate,
 * then SIGKILL), and watched by a tiny process that stops it when the JVM is gone.
 *
 * <p>{@code pg_ctl start} daemonises the postmaster, so it outlives a JVM killed with {@code kill -9} (or by the
 * OOM killer), and the next start found its data directory taken. Linux's parent-death signal cannot be set on a
 * process Java did not fork itself, hence the watchdog; and if the watchdog was killed too, the next start stops
 * what was left behind ({@link #leftBehind}).
 */
final class Postmaster {
    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    /**
     * Blocks on the pipe from the JVM: the JVM never writes, so {@code read} returns only at end of file, when the
     * JVM has exited, however it exited. Then a fast shutdown, escalated to immediate after 30 s and to SIGKILL
     * after 60 s. SIGINT and SIGTERM are ignored: a Ctrl+C reaches the whole process group, and the JVM's own
     * shutdown stops the database in order.
     */
    private static final String WATCHDOG = """
            trap '' INT TERM HUP
            read -r _ignored
            kill -INT "$1" 2>/dev/null || exit 0
            n=0
            while kill -0 "$1" 2>/dev/null; do
              n=$((n + 1))
              [ "$n" -eq 300 ] && kill -QUIT "$1" 2>/dev/null
              [ "$n" -eq 600 ] && kill -KILL "$1" 2>/dev/null
              sleep 0.1
            done
            """;

    private Postmaster() {}

    /** The postmaster named by {@code dir/postmaster.pid}, if that process still runs and is a postgres. */
    static Optional<ProcessHandle> running(Path dir) {
        return pid(dir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(Postmaster::isPostgres);
    }

    /**
     * Called with the data directory's lock held, so no live Arena owns what is found here: a postmaster still
     * running was left by a dead one and is stopped; a pid file naming some unrelated process (the pid was reused
     * after a reboot) would make PostgreSQL refuse to start, so it is removed.
     */
    static void clearLeftovers(Path dir) {
        Optional<Long> pid = pid(dir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgres(process.get())) {
            log.warn("a PostgreSQL (pid {}) left running by an Arena process that is gone holds {}: stopping it",
                    pid.get(), dir);
            stop(process.get(), Duration.ofSeconds(10));
        } else if (process.isPresent()) {
            log.warn("{} names pid {}, which is not PostgreSQL: removing the stale file", dir.resolve("postmaster.pid"),
                    pid.get());
            try {
                Files.deleteIfExists(dir.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Stops a postmaster: fast shutdown (SIGINT: sessions ended, a checkpoint written), then immediate (SIGQUIT:
     * crash recovery at the next start, but no committed data lost) after {@code patience}, then SIGKILL. Returns
     * once the process is gone.
     */
    static void stop(ProcessHandle postmaster, Duration patience) {
        if (signal(postmaster, "INT") && exited(postmaster, patience)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) did not stop within {} s: immediate shutdown", postmaster.pid(),
                patience.toSeconds());
        if (signal(postmaster, "QUIT") && exited(postmaster, Duration.ofSeconds(10))) {
            return;
        }
        log.warn("PostgreSQL (pid {}) ignored the immediate shutdown: killing it", postmaster.pid());
        postmaster.destroyForcibly();
        exited(postmaster, Duration.ofSeconds(10));
    }

    /** Waits up to {@code timeout} for the process to end; true if it did. */
    static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Starts the watchdog that stops {@code postmaster} when this JVM ends; destroy it after a clean stop. */
    static Process watchdog(ProcessHandle postmaster) {
        try {
            return new ProcessBuilder(List.of("sh", "-c", WATCHDOG, "arena-pg-watchdog",
                    Long.toString(postmaster.pid())))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // not fatal: without it, a killed JVM leaves the postmaster running until the next start stops it
            log.warn("no watchdog for the embedded PostgreSQL: {}", e.getMessage());
            return null;
        }
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // when the command cannot be read (another user's process), assume the pid file is right
        return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(true);
    }

    /** The first line of postmaster.pid: the postmaster's pid. */
    private static Optional<Long> pid(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            log.warn("unreadable {}: {}", dir.resolve("postmaster.pid"), e.getMessage());
            return Optional.empty();
        }
    }
}
