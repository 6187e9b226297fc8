package dev.arena.app;

import dev.arena.logs.LogGenerator;
import io.vertx.core.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arena logs}: test data and a resuming uploader for game logs (docs/LOGS.md). */
@Command(name = "logs", description = "Game logs: generate test data, ingest files into a node.",
        mixinStandardHelpOptions = true, subcommands = {LogsCommand.Generate.class, LogsCommand.Ingest.class})
final class LogsCommand {

    @Command(name = "generate", description = "Write a deterministic NDJSON game log (same arguments, same bytes).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--events", required = true) long events;
        @Option(names = "--players", defaultValue = "1000") int players;
        @Option(names = "--games", defaultValue = "5000") int games;
        @Option(names = "--seed", defaultValue = "1") long seed;
        @Option(names = "--bad-share", defaultValue = "0", description = "share of bad lines (0-1)") double badShare;
        @Option(names = "--roster", defaultValue = "" + LogGenerator.ROSTER, description = "players per game "
                + "(games follow one another in time); 0: any player in any game, at random (the rollups' worst case)")
        int roster;
        @Option(names = "--out", required = true) Path out;

        @Override
        public Integer call() throws IOException {
            long bad;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
                bad = LogGenerator.write(new LogGenerator.Spec(events, players, games, seed, badShare, roster), o);
            }
            System.out.printf("%s: %d lines (%d bad), %.1f MB%n", out, events, bad, Files.size(out) / 1e6);
            return 0;
        }
    }

    @Command(name = "ingest", description = "Upload files to POST /logs/ingest with a progress bar; a dropped "
            + "connection is resumed from the job's committed offset; a file already ingested is not counted again.")
    static final class Ingest implements Callable<Integer> {
        static final int ATTEMPTS = 30;
        /** How long in all one file waits for a free ingest slot (503s) before it counts them as failures. */
        static final long BUSY_WAIT_MS = 60 * 60_000;
        /** Between two asks for a slot; tests shorten it to see many refusals quickly. */
        static volatile long busyStepMs = 2_000;

        static {
            // the JDK client reads a streamed body 16 KB at a time, and each piece goes through its publisher,
            // flow control and a write of its own: 256 KB pieces cost the upload a fraction of that per MB
            // (docs/LOGS.md, "Measurement"). Read once, when the client's classes load: before the first client.
            if (System.getProperty("jdk.httpclient.bufsize") == null) {
                System.setProperty("jdk.httpclient.bufsize", String.valueOf(256 * 1024));
            }
        }

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "NDJSON files (.gz: sent compressed)")
        List<Path> files;
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080") URI url;
        @Option(names = "--token", required = true, description = "an admin's or ingest account's access token")
        String token;
        @Option(names = "--raw", defaultValue = "true", arity = "0..1",
                description = "keep raw events (--raw=false: rollups only)")
        boolean raw;

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        @Override
        public Integer call() throws Exception {
            int failed = 0;
            for (Path file : files) {
                JsonObject job = ingest(file);
                System.out.printf("%s: %s, %d lines, %d events, %d bad lines, %.1f MB in %.1f s (%.1f MB/s) job %s%n",
                        file, job.getString("status"), job.getLong("lines"), job.getLong("events"),
                        job.getLong("bad_lines"), job.getLong("bytes") / 1e6, job.getDouble("seconds"),
                        job.getLong("bytes") / 1e6 / Math.max(job.getDouble("seconds"), 1e-3), job.getString("job_id"));
                if (!"done".equals(job.getString("status"))) {
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }

        private JsonObject ingest(Path file) throws Exception {
            boolean gz = file.getFileName().toString().endsWith(".gz");
            String key = key(file);
            long size = Files.size(file);
            String jobId = null;
            long offset = 0;
            long busyUntil = 0; // System.nanoTime() when the wait for a slot gives up; 0 before the first wait
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(file.getFileName().toString())
                    .setInitialMax(gz ? -1 : size).setUnit(" MB", 1_000_000).showSpeed()
                    .setStyle(ProgressBarStyle.ASCII).build()) {
                for (int attempt = 1; ; attempt++) {
                    bar.stepTo(offset);
                    String query = "?raw=" + raw + (jobId == null ? "" : "&job_id=" + jobId + "&offset=" + offset);
                    // a .gz goes compressed from its start; a resume sends the rest uncompressed (a gzip stream
                    // cannot start in its middle)
                    boolean compressed = gz && offset == 0;
                    long start = offset;
                    // a plain file goes with a Content-Length: the size it had when the command started (the size
                    // its idempotency key was made of), so bytes appended meanwhile are not sent and cannot overrun it
                    long length = gz ? -1 : size - offset;
                    // the file is opened when the node asks for the body (100 Continue): a refused attempt opens
                    // nothing, and a resumed .gz is not inflated up to its offset at each wait for a slot
                    InputStream counted = new FilterInputStream(null) {
                        long read;

                        @Override
                        public int read() throws IOException {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            if (in == null) {
                                in = compressed ? Files.newInputStream(file) : from(file, gz, start);
                                bar.setExtraMessage(""); // let in: no longer waiting for a slot
                            }
                            if (length >= 0 && read >= length) {
                                return -1;
                            }
                            int n = super.read(b, off, length < 0 ? len : (int) Math.min(len, length - read));
                            if (n > 0 && !compressed) {
                                read += n;
                                bar.stepTo(start + read);
                            }
                            return n;
                        }

                        @Override
                        public void close() throws IOException {
                            if (in != null) {
                                in.close();
                            }
                        }
                    };
                    var stream = HttpRequest.BodyPublishers.ofInputStream(() -> counted);
                    // a plain file's rest has a known length: sent with Content-Length, not in chunks (the server
                    // then also knows the job's total for its progress); a .gz's inflated rest has none
                    // the body goes once the node has a slot for it (100 Continue): a refusal (503) costs no bytes
                    HttpRequest.Builder req = HttpRequest.newBuilder(url.resolve("/logs/ingest" + query))
                            .expectContinue(true)
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                            .header("Idempotency-Key", key)
                            .POST(gz ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length));
                    if (compressed) {
                        req.header("Content-Encoding", "gzip");
                    }
                    HttpResponse<String> r;
                    try {
                        r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        r = null; // the connection dropped: ask where the job stands
                    } finally {
                        counted.close();
                    }
                    if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                        JsonObject job = new JsonObject(r.body());
                        bar.setExtraMessage("");
                        bar.stepTo(gz ? job.getLong("bytes") : size);
                        return job;
                    }
                    if (r != null && r.statusCode() != 409 && r.statusCode() != 503) {
                        throw new IOException("POST /logs/ingest: " + r.statusCode() + " " + r.body());
                    }
                    // "unavailable": no free slot (or the node cannot take uploads now); not "interrupted", an
                    // upload cut mid-body, which resumes as a failure does
                    boolean busy = r != null && r.statusCode() == 503
                            && r.body().contains("\"urn:arena:problem:unavailable\"")
                            && (busyUntil == 0 || System.nanoTime() - busyUntil < 0);
                    if (!busy && attempt == ATTEMPTS) {
                        throw new IOException("gave up after " + ATTEMPTS + " attempts");
                    }
                    JsonObject state = state(key);
                    if (state != null) {
                        jobId = state.getString("job_id");
                        offset = state.getLong("bytes");
                    }
                    if (busy) {
                        // the node runs as many ingests as it may (ARENA_LOG_JOBS, or fewer that its heap holds):
                        // a wait for a free slot, which can last as long as another file's ingest, is not a failure
                        // and uses up none of the attempts (four uploads at once gave up after 30 of them)
                        bar.setExtraMessage(" waiting for a free ingest slot");
                        if (busyUntil == 0) {
                            busyUntil = System.nanoTime() + BUSY_WAIT_MS * 1_000_000;
                        }
                        Thread.sleep(busyStepMs);
                        attempt--;
                        continue;
                    }
                    bar.setExtraMessage("");
                    Thread.sleep(Math.min(5_000, 200L * attempt)); // the old upload may still hold the job
                }
            }
        }

        /** The job of this key as the server has it (null before it exists). */
        private JsonObject state(String key) throws Exception {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve("/logs/jobs?idempotency_key="
                        + key)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                var jobs = new JsonObject(r.body()).getJsonArray("jobs");
                return jobs == null || jobs.isEmpty() ? null : jobs.getJsonObject(0);
            } catch (IOException e) {
                return null; // the server is away; the next attempt asks again
            }
        }

        /** The (uncompressed) file from {@code offset} on. */
        private static InputStream from(Path file, boolean gz, long offset) throws IOException {
            InputStream in = Files.newInputStream(file);
            if (gz) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            in.skipNBytes(offset);
            return in;
        }

        /** One key per file content: its size, name, and first and last 64 KB, hashed (cheap for any size). */
        static String key(Path file) throws IOException {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = Files.size(file);
                sha.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(ByteBuffer.allocate(8).putLong(size).array());
                try (var ch = Files.newByteChannel(file)) {
                    ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 65_536));
                    ch.read(head);
                    sha.update(head.flip());
                    ch.position(Math.max(0, size - 65_536));
                    ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 65_536));
                    ch.read(tail);
                    sha.update(tail.flip());
                }
                return "file-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
