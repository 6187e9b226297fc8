package dev.arena.tournament;

import dev.arena.common.PlayerId;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Who sat down in a tournament game, as the node that runs it sees it: what a no-show is judged on. On a cluster
 * it travels as the answer of the owner to the {@code cluster.NodeMessage.Seats} request (docs/TOURNAMENTS.md, "On a
 * cluster").
 *
 * @param seated the players holding a seat
 */
record MatchSeats(MatchStatus status, Set<PlayerId> seated) {
    MatchSeats {
        seated = Set.copyOf(seated);
    }

    static MatchSeats of(HostedMatches.HostedMatch game) {
        Set<PlayerId> seated = new HashSet<>();
        game.view().players().forEach(p -> seated.add(p.player()));
        return new MatchSeats(game.view().status(), seated);
    }

    /** Both came and the game started: the deadline no longer applies (the result will follow). */
    boolean bothPlaying() {
        return status != MatchStatus.WAITING && seated.size() >= 2;
    }

    String encode() {
        return new JsonObject().put("status", status.wire()).put("seated", new JsonArray(seated.stream()
                .map(PlayerId::toString).sorted().toList())).encode();
    }

    static MatchSeats decode(String json) {
        JsonObject o = new JsonObject(json);
        Set<PlayerId> seated = new HashSet<>();
        o.getJsonArray("seated").forEach(s -> seated.add(PlayerId.parse((String) s)));
        return new MatchSeats(MatchStatus.valueOf(o.getString("status").toUpperCase(java.util.Locale.ROOT)), seated);
    }
}
