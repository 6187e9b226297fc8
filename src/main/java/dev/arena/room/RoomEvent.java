package dev.arena.room;

import dev.arena.common.EncodedText;
import dev.arena.common.Json;
import dev.arena.presence.Member;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happens in a room and is delivered to its members. Stream events ({@link Message},
 * {@link Chat}) carry the room's sequence number and are kept for resume; presence and direct events are
 * not. Each event is serialised at most once per wire flavour on a node ({@link #encode}), then the same
 * text goes to every member of that flavour.
 */
public sealed interface RoomEvent {

    String room();

    /** 0 for events outside the room's stream. */
    long seq();

    Instant ts();

    /** The event as a client of {@code flavour} sees it, or null when that flavour does not show it. */
    String encode(Flavour flavour);

    /** {@link #encode} with its UTF-8 bytes, made once per flavour and shared by every member's socket. */
    EncodedText text(Flavour flavour);

    /** How a socket expects its frames: the gateway envelope, or one of the original design's formats. */
    enum Flavour { GATEWAY, LEGACY_GAME, LEGACY_CHAT, TOURNAMENT }

    /** The same event with its place in the stream (set once by the {@link RoomStream}). */
    RoomEvent withSeq(long seq);

    /** {@code room.message}: application data sent to a room ({@code data} is raw JSON text). */
    final class Message extends Encoded implements RoomEvent {
        private final String room;
        private final long seq;
        private final UUID from;
        private final String data;
        private final Instant ts;

        public Message(String room, long seq, UUID from, String data, Instant ts) {
            this.room = room;
            this.seq = seq;
            this.from = from;
            this.data = data;
            this.ts = ts;
        }

        public UUID from() {
            return from;
        }

        public String data() {
            return data;
        }

        @Override public String room() { return room; }
        @Override public long seq() { return seq; }
        @Override public Instant ts() { return ts; }

        @Override
        public RoomEvent withSeq(long s) {
            return new Message(room, s, from, data, ts);
        }

        @Override
        String render(Flavour f) {
            return switch (f) {
                case GATEWAY -> "{\"type\":\"room.message\",\"room\":" + q(room) + ",\"seq\":" + seq + ",\"from\":\""
                        + from + "\",\"data\":" + data + ",\"ts\":\"" + ts + "\"}";
                case LEGACY_GAME -> Rooms.isPrivate(room) ? null : "{\"type\":\"player_action\",\"action\":" + data
                        + ",\"player_id\":\"" + from + "\",\"timestamp\":\"" + ts + "\"}";
                case LEGACY_CHAT -> null;
                // /tournaments/{id}/updates: the update itself (tournament topics and the player's notifications)
                case TOURNAMENT -> data;
            };
        }
    }

    /** {@code chat.message}: a stored, filtered chat line. */
    final class Chat extends Encoded implements RoomEvent {
        private final String room;
        private final long seq;
        private final long id;
        private final UUID from;
        private final String displayName;
        private final String message;
        private final Instant ts;

        public Chat(String room, long seq, long id, UUID from, String displayName, String message, Instant ts) {
            this.room = room;
            this.seq = seq;
            this.id = id;
            this.from = from;
            this.displayName = displayName;
            this.message = message;
            this.ts = ts;
        }

        public long id() { return id; }
        public UUID from() { return from; }
        public String displayName() { return displayName; }
        public String message() { return message; }
        @Override public String room() { return room; }
        @Override public long seq() { return seq; }
        @Override public Instant ts() { return ts; }

        @Override
        public RoomEvent withSeq(long s) {
            return new Chat(room, s, id, from, displayName, message, ts);
        }

        @Override
        String render(Flavour f) {
            return switch (f) {
                case GATEWAY -> "{\"type\":\"chat.message\",\"room\":" + q(room) + ",\"seq\":" + seq + ",\"id\":" + id
                        + ",\"from\":\"" + from + "\",\"display_name\":" + q(displayName) + ",\"message\":" + q(message)
                        + ",\"ts\":\"" + ts + "\"}";
                case LEGACY_CHAT -> "{\"user\":" + q(displayName) + ",\"message\":" + q(message) + ",\"timestamp\":\""
                        + ts + "\",\"room_id\":" + q(Rooms.legacyChatId(room)) + "}";
                case LEGACY_GAME, TOURNAMENT -> null;
            };
        }
    }

    /** {@code presence.join} / {@code presence.leave}. */
    final class Presence extends Encoded implements RoomEvent {
        private final String room;
        private final boolean joined;
        private final Member member;
        private final Instant ts;

        public Presence(String room, boolean joined, Member member, Instant ts) {
            this.room = room;
            this.joined = joined;
            this.member = member;
            this.ts = ts;
        }

        public boolean joined() { return joined; }
        public Member member() { return member; }
        @Override public String room() { return room; }
        @Override public long seq() { return 0; }
        @Override public Instant ts() { return ts; }

        @Override
        public RoomEvent withSeq(long s) {
            return this;
        }

        @Override
        String render(Flavour f) {
            return f != Flavour.GATEWAY ? null : "{\"type\":\"" + (joined ? "presence.join" : "presence.leave")
                    + "\",\"room\":" + q(room) + ",\"member\":" + Json.encodeToString(member) + "}";
        }
    }

    /** {@code dm.message}, delivered through the private room {@code user:<id>} of each participant. */
    final class Direct extends Encoded implements RoomEvent {
        private final String room;
        private final long id;
        private final UUID from;
        private final UUID to;
        private final String message;
        private final Instant ts;

        public Direct(String room, long id, UUID from, UUID to, String message, Instant ts) {
            this.room = room;
            this.id = id;
            this.from = from;
            this.to = to;
            this.message = message;
            this.ts = ts;
        }

        public long id() { return id; }
        public UUID from() { return from; }
        public UUID to() { return to; }
        public String message() { return message; }
        @Override public String room() { return room; }
        @Override public long seq() { return 0; }
        @Override public Instant ts() { return ts; }

        @Override
        public RoomEvent withSeq(long s) {
            return this;
        }

        @Override
        String render(Flavour f) {
            return f != Flavour.GATEWAY ? null : "{\"type\":\"dm.message\",\"id\":" + id + ",\"from\":\"" + from
                    + "\",\"to\":\"" + to + "\",\"message\":" + q(message) + ",\"ts\":\"" + ts + "\"}";
        }
    }

    /**
     * A frame for one player's sockets, delivered through their private room {@code user:<id>} like direct
     * messages (matchmaking's {@code mm.*}, parties' {@code party.*}). {@code frame} is the complete gateway frame,
     * serialised once by its sender; other flavours do not show it.
     */
    final class Notice extends Encoded implements RoomEvent {
        private final String room;
        private final String frame;
        private final Instant ts;

        public Notice(String room, String frame, Instant ts) {
            this.room = room;
            this.frame = frame;
            this.ts = ts;
        }

        public String frame() { return frame; }
        @Override public String room() { return room; }
        @Override public long seq() { return 0; }
        @Override public Instant ts() { return ts; }

        @Override
        public RoomEvent withSeq(long s) {
            return this;
        }

        @Override
        String render(Flavour f) {
            return f == Flavour.GATEWAY ? frame : null;
        }
    }

    /**
     * Memoises each flavour's text: rendered on first use, then shared by every member of that flavour. The text is
     * kept as UTF-8 bytes only (a caller that wants the String, {@link #encode} or the public-API write fallback of
     * {@code SocketSink}, makes it again once, and the event keeps it from then on): half the allocation of a String
     * beside its bytes, for the event's short life (a single node's resume buffer keeps the event's fields as bytes,
     * not the event: {@code KeptEvents}). The gateway's text has its own field, as nearly every event is shown in that
     * flavour only.
     */
    abstract sealed class Encoded permits Message, Chat, Presence, Direct, Notice {
        private static final EncodedText NONE = EncodedText.of("none");
        private static final int FLAVOURS = Flavour.values().length;
        private EncodedText gateway;
        /** The other flavours' texts, made when one is first asked for. */
        private EncodedText[] others;

        abstract String render(Flavour f);

        public final String encode(Flavour f) {
            EncodedText t = text(f);
            return t == null ? null : t.text();
        }

        public final EncodedText text(Flavour f) {
            // Benign race: two threads may render the same text; both results are equal, and EncodedText is
            // immutable (final fields), so a racy read sees a complete one. A racy read of others may miss an
            // array another thread just set: it then renders again, as above.
            EncodedText t;
            if (f == Flavour.GATEWAY) {
                t = gateway;
                if (t == null) {
                    t = rendered(f);
                    gateway = t;
                }
            } else {
                EncodedText[] o = others;
                if (o == null) {
                    o = new EncodedText[FLAVOURS];
                    others = o;
                }
                t = o[f.ordinal()];
                if (t == null) {
                    t = rendered(f);
                    o[f.ordinal()] = t;
                }
            }
            return t == NONE ? null : t;
        }

        private EncodedText rendered(Flavour f) {
            String s = render(f);
            return s == null ? NONE : EncodedText.ofUtf8(s.getBytes(StandardCharsets.UTF_8));
        }

        static String q(String s) {
            return Json.quote(s);
        }
    }
}
