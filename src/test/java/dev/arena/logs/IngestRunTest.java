package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.room.RoomEvent;
import dev.arena.storage.local.LocalRoomStream;
import dev.arena.testing.MutableClock;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** An ingest's reading state without a database: progress while it runs, and the checkpoints it hands over. */
class IngestRunTest {
    private final MutableClock clock = new MutableClock();
    private final List<JsonObject> progress = new CopyOnWriteArrayList<>();
    private final List<Batch> committed = new CopyOnWriteArrayList<>();

    /** Keeps each batch; the clock moves two seconds per commit, as a slow database's would. */
    private final LogStore.Session session = new LogStore.Session() {
        @Override
        public LogStore.Begin begin(LogStore.BeginRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean commit(UUID job, long fromOffset, Batch batch, double seconds, Instant now) {
            committed.add(batch);
            clock.advance(Duration.ofSeconds(2));
            return true;
        }

        @Override
        public LogJob end(UUID job, String status, String error, double seconds, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    };

    @Test
    void publishesProgressWhileItRunsAndHandsOverWholeLines() throws Exception {
        LocalRoomStream stream = new LocalRoomStream(100, Duration.ofMinutes(1), clock);
        stream.onEvent(e -> progress.add(new JsonObject(((RoomEvent.Message) e).data())));
        LogJob job = new LogJob(UUID.randomUUID(), LogJob.RUNNING, 0, 0, 0, 0, 0, null, false, "test", null, null,
                Instant.EPOCH, null, List.of());
        byte[] file = LogFixtures.generate(1_000, 10, 5, 3, 0);
        ExecutorService committer = Executors.newSingleThreadExecutor();
        try {
            IngestRun run = new IngestRun(session, committer, job, false, 0,
                    new LogIngest.Settings(BadShare.DEFAULT, 100, 1), new LogFeed(stream, clock), clock, () -> false,
                    (long) file.length);
            new NdjsonReader().read(new ByteArrayInputStream(file), 0, 0, run);
            run.flush();
        } finally {
            committer.shutdownNow();
        }
        assertThat(committed).hasSize(10);
        assertThat(committed.getLast().endOffset()).isEqualTo(file.length);
        assertThat(committed.getLast().endLine()).isEqualTo(1_000);
        assertThat(committed.stream().mapToLong(Batch::eventCount).sum()).isEqualTo(1_000);
        assertThat(progress).as("a running update per commit (two seconds apart)").hasSizeGreaterThanOrEqualTo(9);
        assertThat(progress.getFirst().getString("status")).isEqualTo(LogJob.RUNNING);
        assertThat(progress.getLast().getLong("lines")).isEqualTo(1_000);
        assertThat(progress.getFirst().getLong("total_bytes")).isEqualTo(file.length);
    }
}
