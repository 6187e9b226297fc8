package dev.arena.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak's once-a-minute reading of the server process: resident memory and threads
 * ({@code /proc/<pid>/status}), open file descriptors ({@code /proc/<pid>/fd}), and the heap in use right after a
 * full collection. The collection is asked for with {@code jcmd <pid> GC.run} (the JDK's own tool, beside the
 * bench's {@code java}), and the heap then read from the server's {@code GET /metrics}: heap in use without a
 * collection first rises and falls with the garbage of the moment and would hide or fake a leak. Without a local
 * pid only the heap is read, after no forced collection, and the report says so.
 */
final class ServerVitals {
    static final String RSS = "rss_mib";
    static final String HEAP = "heap_after_gc_mib";
    static final String FDS = "fds";
    static final String THREADS = "threads";

    private final LoadGenerator gen;
    private final Integer pid;
    private boolean forcedGc = true;
    private String gcProblem;

    ServerVitals(LoadGenerator gen, Integer pid) {
        this.gen = gen;
        this.pid = pid;
    }

    /** One reading, by series name; a series that cannot be read is absent. Blocking: call off the event loops. */
    Map<String, Double> sample() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (pid != null) {
            Path proc = Path.of("/proc", pid.toString());
            try {
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        out.put(RSS, ReportPrinter.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0));
                    } else if (line.startsWith("Threads:")) {
                        out.put(THREADS, (double) Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the process is gone: the run reports the missing readings
            }
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                out.put(FDS, (double) fds.count());
            } catch (IOException | RuntimeException e) {
                // not ours to read, or gone
            }
            forcedGc = collect(pid);
        } else {
            forcedGc = false;
        }
        Double heap = heapInUse();
        if (heap != null) {
            out.put(HEAP, ReportPrinter.round(heap / (1024 * 1024)));
        }
        return out;
    }

    /** False when the last reading's heap was taken without a forced collection. */
    boolean forcedGc() {
        return forcedGc;
    }

    /** Why the collection could not be forced (null when it could). */
    String gcProblem() {
        return gcProblem;
    }

    private boolean collect(int pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                gcProblem = "jcmd GC.run took over 60 s";
                return false;
            }
            if (p.exitValue() != 0) {
                gcProblem = "jcmd GC.run exited with " + p.exitValue();
                return false;
            }
            gcProblem = null;
            return true;
        } catch (IOException e) {
            gcProblem = "no jcmd: " + e.getMessage();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Double heapInUse() {
        try {
            return ServerMemory.memory(ServerSample.scrape(gen, 30)).get("jvm_heap_used");
        } catch (Exception e) {
            return null;
        }
    }
}
