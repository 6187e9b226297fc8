package dev.arena.tournament;

import io.vertx.core.Future;
import java.util.UUID;

/** Where live tournament updates go: the {@code tournament:{id}} topic, and a player's own notifications. */
public interface TournamentFeed {

    /** Appends an update (JSON object text) to the tournament's topic; updates of one tournament keep their order. */
    Future<Void> publish(UUID tournament, String update);

    /** Sends a notification (JSON object text) to every connection of the player. */
    Future<Void> notify(UUID tournament, UUID player, String notification);

    /** Tournament topics are rooms with this name; clients join them like any room and cannot send to them. */
    static String topic(UUID tournament) {
        return "tournament:" + tournament;
    }
}
