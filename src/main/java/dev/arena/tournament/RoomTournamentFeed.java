package dev.arena.tournament;

import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import dev.arena.room.Rooms;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;

/**
 * Updates as room events: each is a {@code room.message} of the room {@code tournament:{id}} whose {@code from} is
 * the tournament's id, numbered and kept for resume like any room event, and shared across nodes through the
 * {@link RoomStream} (Redis on a cluster). Player notifications go to the private room {@code user:{id}}.
 */
public final class RoomTournamentFeed implements TournamentFeed {
    private final RoomStream stream;
    private final Clock clock;

    public RoomTournamentFeed(RoomStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    @Override
    public Future<Void> publish(UUID tournament, String update) {
        return stream.append(new RoomEvent.Message(TournamentFeed.topic(tournament), 0, tournament, update,
                clock.instant())).mapEmpty();
    }

    @Override
    public Future<Void> notify(UUID tournament, UUID player, String notification) {
        return stream.broadcast(new RoomEvent.Message(Rooms.user(player), 0, tournament, notification,
                clock.instant()));
    }
}
