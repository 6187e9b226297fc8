package dev.arena.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.Answer;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;
import dev.arena.match.PublicState;
import dev.arena.results.FinishedMatch;
import dev.arena.results.StoredMatch;
import java.util.List;

/**
 * The wire form of a game; {@code join_code} only in the creator's 201; {@code host} for lobby games,
 * {@code region} when given at creation. Another node's answers are this form already ({@link #json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchBody(MatchId gameId, String mode, MatchStatus status, @JsonProperty("private") Boolean privateGame,
                       int maxPlayers, String ownerNode, PlayerId createdBy, long tick, int tickRate,
                       List<MatchView.PlayerView> players, int spectators, PublicState state, MatchResult result,
                       String joinCode, PlayerId host, String region) {

    /** {@code 202} of {@code POST /games/{id}/finish}: the match has ended with the reported result. */
    record Finished(MatchId gameId, MatchStatus status, MatchResult result) {}

    static MatchBody of(HostedMatches.HostedMatch g, boolean withCode) {
        MatchView v = g.view();
        return new MatchBody(g.id(), g.mode(), v.status(), g.privateGame(), g.maxPlayers(), g.ownerNode(),
                g.creator(), v.tick(), v.tickRate(), v.players(), v.spectators(), v.state(), v.result(),
                withCode ? g.joinCode() : null, v.host(), g.region());
    }

    /** A command's answer as the body: this node's game, or another node's JSON passed on as it is. */
    static Object of(Answer<HostedMatches.HostedMatch> answer) {
        return answer.fold(g -> of(g, false), RawValue::new);
    }

    /** The game's JSON as another node passes it on (the answer of a routed command). */
    public static String json(HostedMatches.HostedMatch g) {
        return Json.encodeToString(of(g, false));
    }

    /** The games' JSON array (the answer of a listing another node asked for). */
    public static String json(List<HostedMatches.HostedMatch> games) {
        return Json.encodeToString(games.stream().map(g -> of(g, false)).toList());
    }

    /** The {@code 202} body of a finish another node asked for. */
    public static String finished(MatchId id, MatchResult result) {
        return Json.encodeToString(new Finished(id, MatchStatus.FINISHED, result));
    }

    /**
     * A finished game read back from storage: no live state, the players who took a seat; {@code private} is
     * null (storage does not keep it).
     */
    static MatchBody stored(StoredMatch m) {
        FinishedMatch f = m.match();
        List<MatchView.PlayerView> players = m.participants().stream()
                .map(p -> new MatchView.PlayerView(p, false, null)).toList();
        return new MatchBody(f.id(), f.mode(), MatchStatus.FINISHED, null, players.size(), m.ownerNode(), null,
                m.finalTick(), m.tickRate(), players, 0, null, f.result(), null, null, null);
    }
}
