package dev.arena.logs;

import dev.arena.storage.local.LocalRoomStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The game-log ingest's JVM work without the database, per line, over a generated file held in memory (the bench
 * file's spec: 800,000 events, 1,000 players, 5,000 games, seed 2; about 127 bytes a line). Each invocation takes
 * the next slice of {@link #SLICE} lines (one server batch, {@code ARENA_LOG_BATCH}'s default), cycling through the
 * file, so the rollup maps see the key mix a real batch sees.
 *
 * <ul>
 *   <li>{@code split}: reading the bytes in 256 KB reads and finding the line ends (the reader's own loop);</li>
 *   <li>{@code scan}: {@link FieldScanner} alone, on lines already split;</li>
 *   <li>{@code jackson}: {@link LineParser#parseWithJackson} alone (what every line would cost without the scanner);</li>
 *   <li>{@code scanFold}: the scanner plus the fold into a fresh {@link Batch} (rollups only);</li>
 *   <li>{@code ingest}: the whole path: {@link NdjsonReader} over an in-memory stream into an {@link IngestRun}
 *       whose store commits nothing but asks for what the database side reads from the batch (its per-day fold).</li>
 * </ul>
 * Run: see docs/BENCHMARKS.md ({@code -prof gc} adds bytes allocated per line). Not named *Log*: the logs tests'
 * selection ({@code -Dtest=*Log*}) would pick it up from a {@code -Pjmh} build's classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseFoldBenchmark {
    static final int SLICE = 50_000;

    @Param("800000")
    public int events;

    private byte[] file;
    /** Line {@code k} is {@code file[starts[k], ends[k])}, without its newline. */
    private int[] starts;
    private int[] ends;
    /** Byte offset of each slice's first line; the last entry is the file's length. */
    private int[] sliceStarts;
    private int slice;
    private final byte[] readBuf = new byte[NdjsonReader.BUFFER_BYTES];
    private LineParser parser;
    private FieldScanner scanner;
    private ExecutorService committer;

    @Setup
    public void setUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events * 130);
        LogGenerator.write(new LogGenerator.Spec(events, 1000, 5000, 2, 0), out);
        file = out.toByteArray();
        starts = new int[events];
        ends = new int[events];
        int n = 0;
        int from = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                starts[n] = from;
                ends[n++] = i;
                from = i + 1;
            }
        }
        int slices = events / SLICE;
        sliceStarts = new int[slices + 1];
        for (int s = 0; s < slices; s++) {
            sliceStarts[s] = starts[s * SLICE];
        }
        sliceStarts[slices] = file.length;
        parser = new LineParser();
        scanner = new FieldScanner(new StringCache());
        committer = Executors.newSingleThreadExecutor();
    }

    @TearDown
    public void tearDown() {
        committer.shutdownNow();
    }

    private int nextSlice() {
        int s = slice;
        slice = (slice + 1) % (sliceStarts.length - 1);
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public long split() throws IOException {
        int s = nextSlice();
        InputStream in = new ByteArrayInputStream(file, sliceStarts[s], sliceStarts[s + 1] - sliceStarts[s]);
        byte[] buf = readBuf;
        long lines = 0;
        int start = 0;
        int end = 0;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    lines += i - start; // stands for the line's delivery
                    start = i + 1;
                }
            }
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                return lines;
            }
            end += n;
        }
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public void scan(Blackhole bh) {
        int first = nextSlice() * SLICE;
        for (int k = first; k < first + SLICE; k++) {
            bh.consume(scanner.scan(file, starts[k], ends[k] - starts[k]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public void jackson(Blackhole bh) throws BadLine {
        int first = nextSlice() * SLICE;
        for (int k = first; k < first + SLICE; k++) {
            bh.consume(parser.parseWithJackson(file, starts[k], ends[k] - starts[k]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public Batch scanFold() {
        int first = nextSlice() * SLICE;
        Batch batch = new Batch(null, starts[first], first);
        for (int k = first; k < first + SLICE; k++) {
            batch.event(k + 1, scanner.scan(file, starts[k], ends[k] - starts[k]));
            batch.lineDone(k + 1, ends[k] + 1L);
        }
        return batch;
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public long ingest() throws Exception {
        int s = nextSlice();
        InputStream in = new ByteArrayInputStream(file, sliceStarts[s], sliceStarts[s + 1] - sliceStarts[s]);
        LogJob job = new LogJob(UUID.randomUUID(), LogJob.RUNNING, (long) s * SLICE, 0, 0, sliceStarts[s], 0, null,
                false, "bench", null, null, Instant.EPOCH, null, List.of());
        IngestRun run = new IngestRun(new NoStore(), committer, job, false, 0,
                new LogIngest.Settings(BadShare.DEFAULT, SLICE, 1, Duration.ofSeconds(1)),
                CommitGroup.Limits.of(Duration.ofSeconds(1), () -> 1), FEED, Clock.systemUTC(), () -> false, null);
        new NdjsonReader().read(in, job.bytes(), job.lines(), run);
        run.flush();
        return run.lines();
    }

    private static final LogFeed FEED = new LogFeed(new LocalRoomStream(16, Duration.ofMinutes(1), Clock.systemUTC()),
            Clock.systemUTC());

    /** Commits nothing; reads what the database side reads from a batch that the batch computes on demand. */
    private static final class NoStore implements LogStore.Session {
        final List<Object> sink = new ArrayList<>(1);

        @Override
        public LogStore.Begin begin(LogStore.BeginRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RawRows rawRows(UUID job) {
            throw new UnsupportedOperationException("the benchmark's ingests keep no raw events");
        }

        @Override
        public boolean append(UUID job, Batch batch) {
            return true;
        }

        @Override
        public boolean commit(UUID job, long fromOffset, Batch batch, double seconds, Instant now) {
            sink.clear();
            sink.add(batch.playerDays());
            return true;
        }

        @Override
        public LogJob end(UUID job, String status, String error, double seconds, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
