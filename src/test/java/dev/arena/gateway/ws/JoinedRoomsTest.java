package dev.arena.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The remembered room never lets a socket send to a room it has left. */
class JoinedRoomsTest {

    @Test
    void aRoomLeftOrClearedIsNoLongerSentToEvenRightAfterASend() {
        JoinedRooms rooms = new JoinedRooms();
        assertThat(rooms.sendsTo("a")).isFalse();
        assertThat(rooms.add("a")).isTrue();
        assertThat(rooms.add("a")).isFalse();
        assertThat(rooms.sendsTo("a")).isTrue();
        assertThat(rooms.sendsTo(new String("a"))).as("by value, not by instance").isTrue();
        assertThat(rooms.remove("a")).isTrue();
        assertThat(rooms.sendsTo("a")).isFalse();
        assertThat(rooms.remove("a")).isFalse();

        rooms.add("a");
        rooms.add("b");
        assertThat(rooms.sendsTo("a")).isTrue();
        assertThat(rooms.remove(new String("a"))).isTrue();
        assertThat(rooms.sendsTo("a")).isFalse();
        assertThat(rooms.sendsTo("b")).isTrue();
        rooms.clear();
        assertThat(rooms.sendsTo("b")).isFalse();
        assertThat(rooms.contains("b")).isFalse();
        assertThat(rooms).isEmpty();
    }

    @Test
    void removingAnotherRoomKeepsTheRememberedOne() {
        JoinedRooms rooms = new JoinedRooms();
        rooms.add("a");
        rooms.add("b");
        rooms.sendsTo("a");
        rooms.remove("b");
        assertThat(rooms.sendsTo("a")).isTrue();
        assertThat(rooms.copy()).containsExactly("a");
    }
}
