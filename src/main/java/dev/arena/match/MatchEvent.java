package dev.arena.match;

import dev.arena.common.PlayerId;

/** Events the match loop itself emits, next to the game's own, in the same frames and log. */
public sealed interface MatchEvent extends GameEvent {

    record MatchStarted(long tick) implements MatchEvent {
        public String type() { return "match_started"; }
    }

    record PlayerJoined(PlayerId player) implements MatchEvent {
        public String type() { return "player_joined"; }
    }

    /** Left on purpose; once the match runs, leaving is a forfeit. */
    record PlayerLeft(PlayerId player) implements MatchEvent {
        public String type() { return "player_left"; }
    }

    /** The connection dropped; the seat is kept until {@code forfeitAtTick}. */
    record PlayerDisconnected(PlayerId player, long forfeitAtTick) implements MatchEvent {
        public String type() { return "player_disconnected"; }
    }

    record PlayerReconnected(PlayerId player) implements MatchEvent {
        public String type() { return "player_reconnected"; }
    }

    /** The reconnect grace ran out: the player is out (a loss once the match runs). */
    record PlayerForfeited(PlayerId player) implements MatchEvent {
        public String type() { return "player_forfeited"; }
    }

    /** A lobby game's player said they are ready (or no longer are). */
    record PlayerReady(PlayerId player, boolean ready) implements MatchEvent {
        public String type() { return "player_ready"; }
    }

    /** The host of a lobby game changed: the previous one left before the start. */
    record HostChanged(PlayerId player) implements MatchEvent {
        public String type() { return "host_changed"; }
    }

    /** The host removed the player before the start; the player cannot join this game again. */
    record PlayerKicked(PlayerId player) implements MatchEvent {
        public String type() { return "player_kicked"; }
    }
}
