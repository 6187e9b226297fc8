package dev.arena.results;

import dev.arena.common.PlayerId;
import dev.arena.match.StoredLog;
import java.util.List;
import java.util.Objects;

/**
 * A finished match as stored: the result, where it ran, who took part, and the replayable log.
 *
 * @param relayed      whether the players reported the result ({@code POST /games/{id}/finish}) rather than the
 *                     server's rules deciding it
 * @param reportedBy   the player who reported a relayed result; null otherwise
 * @param participants everyone who took a seat (for an abandoned match, the only record of its players)
 * @param friendsOnly  shown only to its players (a private game a player made), as {@code HostedMatches} decides
 * @param log          null when read without it ({@link ResultStore#summary}) and when recorded (the match's
 *                     {@code EventLog} goes beside it to {@link ResultStore#record})
 */
public record StoredMatch(FinishedMatch match, long finalTick, int tickRate, String ownerNode, boolean relayed,
                          PlayerId reportedBy, List<PlayerId> participants, boolean friendsOnly, StoredLog log) {
    public StoredMatch {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(ownerNode, "ownerNode");
        participants = List.copyOf(participants);
    }

    public boolean tookPart(PlayerId player) {
        return participants.contains(player);
    }
}
