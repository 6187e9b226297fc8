package dev.arena.logs;

import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import dev.arena.room.Rooms;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.UUID;

/**
 * Progress of running jobs into the read-only room {@code logs:{job_id}} on {@code /ws}: each update is a
 * {@code room.message} whose {@code from} is the job id and whose text is a JSON object (bytes, lines, events,
 * bad lines, rates, ETA when the size is known).
 */
public final class LogFeed {
    private final RoomStream stream;
    private final Clock clock;

    public LogFeed(RoomStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /** Any thread. Fire and forget: progress is advisory, a lost update is superseded by the next. */
    public void publish(UUID job, JsonObject progress) {
        stream.append(new RoomEvent.Message(Rooms.logs(job), 0, job, progress.encode(), clock.instant()));
    }
}
