package dev.arena.storage.local;

import dev.arena.room.RoomStream;
import dev.arena.room.RoomStreamContract;
import java.time.Clock;
import java.time.Duration;

/** The room stream contract in one process. */
class LocalRoomStreamTest extends RoomStreamContract {
    @Override
    protected RoomStream create(int bufferSize, Duration window, Clock clock) {
        return new LocalRoomStream(bufferSize, window, clock);
    }

    @Override
    protected boolean deliversRoomsNotListenedTo() {
        return true;
    }
}
