package dev.arena.gateway.ws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arena.common.EncodedText;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.lobby.LiveMatch;
import dev.arena.lobby.LobbyMatch;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.arena.match.GameEvent;
import dev.arena.match.InputAck;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.match.MatchStatus;
import dev.arena.match.MatchView;
import dev.arena.match.PublicState;
import dev.arena.match.TickFrame;
import dev.arena.presence.Member;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Replies the gateway sends to one connection. Room broadcasts are not here: they are
 * {@link dev.arena.room.RoomEvent}s, serialised once for every member. Each message owns its wire format.
 */
sealed interface ServerMessage {

    @JsonProperty("type")
    String type();

    default String encode() {
        return Json.encodeToString(this);
    }

    /** The frame as sent: its text and UTF-8 bytes. A message that writes its bytes itself overrides this. */
    default EncodedText frame() {
        return EncodedText.of(encode());
    }

    /** {@code {"type":…} and, when there is one, {@code ,"rid":…}}: the start of a hand-written frame. */
    private static StringBuilder head(StringBuilder b, String type, Object rid) {
        Json.appendQuoted(b.append("{\"type\":"), type);
        return rid == null ? b : b.append(",\"rid\":").append(Json.encodeToString(rid));
    }

    @JsonPropertyOrder({"type"})
    record Welcome(UUID sessionId, UUID userId, String displayName, String node, long heartbeatMs)
            implements ServerMessage {
        public String type() { return "welcome"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pong(Object rid, Instant ts) implements ServerMessage {
        public String type() { return "pong"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code members}: the first of the room's {@code member_count} (RoomMember.Joined.MEMBERS_SHOWN). */
    record RoomJoined(Object rid, String room, long seq, List<Member> members, int memberCount)
            implements ServerMessage {
        public String type() { return "room.joined"; }

        @Override
        public String encode() {
            return frame().text();
        }

        /**
         * By hand, as Jackson would write it, in UTF-8: the part before the members, the members' array as
         * {@link MemberPageJson} keeps it (the same first 100 for every joiner of a big room), and the count.
         */
        @Override
        public EncodedText frame() {
            StringBuilder b = head(new StringBuilder(96), type(), rid).append(",\"room\":");
            byte[] before = Json.appendQuoted(b, room).append(",\"seq\":").append(seq).append(",\"members\":")
                    .toString().getBytes(StandardCharsets.UTF_8);
            byte[] list = MemberPageJson.of(members);
            byte[] after = (",\"member_count\":" + memberCount + "}").getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(before, before.length + list.length + after.length);
            System.arraycopy(list, 0, all, before.length, list.length);
            System.arraycopy(after, 0, all, before.length + list.length, after.length);
            return EncodedText.ofUtf8(all);
        }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoomLeft(Object rid, String room) implements ServerMessage {
        public String type() { return "room.left"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ack(Object rid, Long seq, Long id) implements ServerMessage {
        public String type() { return "ack"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** One page of a room's members: {@code offset} into the list, {@code member_count} in all. */
    record PresenceList(Object rid, String room, List<Member> members, int offset, int memberCount)
            implements ServerMessage {
        public String type() { return "presence.list"; }

        /** By hand, as Jackson would write it (a page holds up to 1,000 members). */
        @Override
        public String encode() {
            StringBuilder b = head(new StringBuilder(160 + members.size() * 120), type(), rid)
                    .append(",\"room\":");
            Json.appendQuoted(b, room).append(",\"members\":");
            return Member.appendJson(b, members).append(",\"offset\":").append(offset)
                    .append(",\"member_count\":").append(memberCount).append('}').toString();
        }
    }

    @JsonPropertyOrder({"type"})
    record ChatHistory(Object rid, String room, List<?> messages, Long nextBefore) implements ServerMessage {
        public String type() { return "chat.history"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(Object rid, String code, String message) implements ServerMessage {
        public String type() { return "error"; }
    }

    /**
     * A full snapshot of a match: the reply to {@code match.join} and {@code match.spectate}; {@code acks}: every
     * seated player's last input acknowledgement (left out when there is none).
     */
    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MatchState(Object rid, MatchId gameId, String mode, MatchStatus status, long tick, int tickRate,
                      List<MatchView.PlayerView> players, int spectators, PublicState state, MatchResult result,
                      PlayerId host,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonSerialize(using = InputAck.AsObject.class)
                      List<InputAck> acks) implements ServerMessage {
        static MatchState of(Object rid, MatchView v) {
            return new MatchState(rid, v.id(), v.mode(), v.status(), v.tick(), v.tickRate(), v.players(),
                    v.spectators(), v.state(), v.result(), v.host(), v.acks());
        }

        public String type() { return "match.state"; }
    }

    /**
     * One tick's events and input acknowledgements ({@code acks}, left out when none moved), encoded once for every
     * socket attached to the match.
     */
    @JsonPropertyOrder({"type"})
    record MatchFrame(MatchId gameId, long tick, List<GameEvent> events,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonSerialize(using = InputAck.AsObject.class)
                      List<InputAck> acks) implements ServerMessage {
        static MatchFrame of(TickFrame f) {
            return new MatchFrame(f.match(), f.tick(), f.events(), f.acks());
        }

        public String type() { return "match.event"; }
    }

    @JsonPropertyOrder({"type"})
    record MatchEnded(MatchId gameId, long tick, MatchResult result) implements ServerMessage {
        public String type() { return "match.end"; }
    }

    /**
     * The reply to {@code lobby.subscribe}: the open games as subscribers last heard of them (at most
     * {@link #GAMES_SHOWN}; {@code game_count} in all, page the rest with {@code GET /lobby/games}); changes follow.
     * With {@code live}, also the live matches ({@code live_games}, at most as many; {@code live_count} in all).
     */
    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LobbySubscribed(Object rid, String mode, String region, List<LobbyMatch> games, int gameCount,
                           List<LiveMatch> liveGames, Integer liveCount) implements ServerMessage {
        static final int GAMES_SHOWN = 100;

        public String type() { return "lobby.subscribed"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LobbyUnsubscribed(Object rid) implements ServerMessage {
        public String type() { return "lobby.unsubscribed"; }
    }

    /** A game appeared in the lobby; encoded once for every subscriber. */
    @JsonPropertyOrder({"type"})
    record LobbyGameAdded(LobbyMatch game) implements ServerMessage {
        public String type() { return "lobby.game_added"; }
    }

    /** What the lobby shows of a game changed (at most one a game per interval; the latest state). */
    @JsonPropertyOrder({"type"})
    record LobbyGameUpdated(LobbyMatch game) implements ServerMessage {
        public String type() { return "lobby.game_updated"; }
    }

    /** The game left the lobby (started or ended). */
    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LobbyGameRemoved(MatchId gameId, String mode, String region) implements ServerMessage {
        public String type() { return "lobby.game_removed"; }
    }

    /** A match anyone may watch started ("live now"); to subscribers that asked for live matches. */
    @JsonPropertyOrder({"type"})
    record LobbyLiveAdded(LiveMatch game) implements ServerMessage {
        public String type() { return "lobby.live_added"; }
    }

    /**
     * Who plays or how many watch a live match changed (a leave, a forfeit, spectators coming or going; at most
     * one a match per second; the latest state).
     */
    @JsonPropertyOrder({"type"})
    record LobbyLiveUpdated(LiveMatch game) implements ServerMessage {
        public String type() { return "lobby.live_updated"; }
    }

    /** The live match ended. */
    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LobbyLiveRemoved(MatchId gameId, String mode, String region) implements ServerMessage {
        public String type() { return "lobby.live_removed"; }
    }

    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MatchLeft(Object rid, MatchId gameId) implements ServerMessage {
        public String type() { return "match.left"; }
    }

    /** A ticket: the reply to {@code mm.enqueue} and {@code mm.cancel} (pushed changes have the same shape). */
    @JsonPropertyOrder({"type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MmTicket(Object rid, dev.arena.matchmaking.service.TicketView ticket) implements ServerMessage {
        public String type() { return "mm.ticket"; }
    }
}
