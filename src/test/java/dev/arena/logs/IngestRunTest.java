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

    private final List<Long> commitFrom = new CopyOnWriteArrayList<>();
    private int appended;

    /** Keeps each commit group; the clock moves 0.4 s per batch appended, as a slow database's COPY would. */
    private final LogStore.Session session = new LogStore.Session() {
        @Override
        public LogStore.Begin begin(LogStore.BeginRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RawRows rawRows(UUID job) {
            throw new UnsupportedOperationException("these ingests keep no raw events");
        }

        @Override
        public boolean append(UUID job, Batch batch) {
            appended++;
            clock.advance(Duration.ofMillis(400));
            return true;
        }

        @Override
        public boolean commit(UUID job, long fromOffset, Batch group, double seconds, Instant now) {
            commitFrom.add(fromOffset);
            committed.add(group);
            return true;
        }

        @Override
        public LogJob end(UUID job, String status, String error, double seconds, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    };

    private final byte[] file = LogFixtures.generate(1_000, 10, 5, 3, 0);

    /** Reads the file in batches of 100 lines and commits it in groups within the limits. */
    private void ingest(CommitGroup.Limits limits) throws Exception {
        LocalRoomStream stream = new LocalRoomStream(100, Duration.ofMinutes(1), clock);
        stream.onEvent(e -> progress.add(new JsonObject(((RoomEvent.Message) e).data())));
        LogJob job = new LogJob(UUID.randomUUID(), LogJob.RUNNING, 0, 0, 0, 0, 0, null, false, "test", null, null,
                Instant.EPOCH, null, List.of());
        ExecutorService committer = Executors.newSingleThreadExecutor();
        try {
            IngestRun run = new IngestRun(session, committer, job, false, 0,
                    new LogIngest.Settings(BadShare.DEFAULT, 100, 1, limits.interval()), limits,
                    new LogFeed(stream, clock), clock, () -> false, (long) file.length);
            new NdjsonReader().read(new ByteArrayInputStream(file), 0, 0, run);
            run.flush();
        } finally {
            committer.shutdownNow();
        }
        assertThat(appended).isEqualTo(10);
        assertThat(committed.getLast().endOffset()).isEqualTo(file.length);
        assertThat(committed.getLast().endLine()).isEqualTo(1_000);
        assertThat(committed.stream().mapToLong(Batch::eventCount).sum()).isEqualTo(1_000);
        assertThat(commitFrom.getFirst()).isZero();
        for (int i = 1; i < committed.size(); i++) {
            assertThat(commitFrom.get(i)).as("each commit from the checkpoint the one before left")
                    .isEqualTo(committed.get(i - 1).endOffset());
        }
    }

    @Test
    void commitsAGroupOnceItIsOlderThanTheIntervalAndPublishesProgressWhileItRuns() throws Exception {
        ingest(new CommitGroup.Limits(100, 1_000_000, Duration.ofSeconds(1)));
        // 0.4 s a batch: a group is a second old at its fourth batch (the clock starts when the first is in)
        assertThat(committed).extracting(Batch::endLine).containsExactly(400L, 800L, 1_000L);
        assertThat(progress).as("a running update a second").hasSizeGreaterThanOrEqualTo(3);
        assertThat(progress.getFirst().getString("status")).isEqualTo(LogJob.RUNNING);
        assertThat(progress).extracting(p -> p.getLong("lines")).as("what the commits hold, no line read since")
                .isSorted().contains(400L, 800L).allMatch(n -> n % 400 == 0 || n == 1_000);
        assertThat(progress.getFirst().getLong("total_bytes")).isEqualTo(file.length);
    }

    @Test
    void commitsAGroupAtItsBatchLimit() throws Exception {
        ingest(new CommitGroup.Limits(3, 1_000_000, Duration.ofHours(1)));
        assertThat(committed).extracting(Batch::endLine).containsExactly(300L, 600L, 900L, 1_000L);
        assertThat(committed).extracting(Batch::eventCount).containsExactly(300L, 300L, 300L, 100L);
    }

    @Test
    void commitsAGroupAtItsRowLimit() throws Exception {
        // 10 players x 6 types x a few hours: a batch of 100 lines alone folds to more than 50 rows
        ingest(new CommitGroup.Limits(100, 50, Duration.ofHours(1)));
        assertThat(committed).hasSize(10);
    }

    @Test
    void ingestsRunningAtOnceShareTheRowLimit() throws Exception {
        ingest(new CommitGroup.Limits(100, 1_000_000, Duration.ofHours(1), () -> 1));
        assertThat(committed).as("alone, the rows bound nothing here").hasSize(1);
        committed.clear();
        commitFrom.clear();
        appended = 0;
        // a batch of 100 lines folds to more than 50 rows and fewer than 1,000 (its events' rows)
        ingest(new CommitGroup.Limits(100, 1_000, Duration.ofHours(1), () -> 1));
        int alone = committed.size();
        committed.clear();
        commitFrom.clear();
        appended = 0;
        ingest(new CommitGroup.Limits(100, 1_000, Duration.ofHours(1), () -> 20));
        assertThat(committed).as("a twentieth of the rows each: a group per batch").hasSize(10);
        assertThat(alone).isLessThan(10);
    }

    @Test
    void theWholeInputIsOneGroupWhenNoLimitIsReached() throws Exception {
        ingest(new CommitGroup.Limits(100, 1_000_000, Duration.ofHours(1)));
        assertThat(committed).hasSize(1);
        assertThat(committed.getFirst().lines()).isEqualTo(1_000);
    }
}
