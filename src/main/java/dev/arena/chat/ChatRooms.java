package dev.arena.chat;

import dev.arena.common.ArenaException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Chat room names. A room is a gateway room name (1–64 of {@code A-Z a-z 0-9 : _ . -}); {@code dm:} and
 * {@code user:} are reserved. A direct-message room is {@code dm:<a>:<b>} with the two player ids in their
 * canonical lower-case form, the lexicographically smaller first (string order, not {@link UUID#compareTo},
 * which compares signed numbers), so any client can compute it; such a name is 76 characters long.
 */
public final class ChatRooms {
    public static final String DIRECT_PREFIX = "dm:";
    /** The rooms of the original design's {@code /chat/{room_id}} socket (room.Rooms names them the same way). */
    static final String LEGACY_PREFIX = "chat:";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9:_.-]{1,64}");
    static final String NAME_RULE = "must be 1-64 characters of A-Z a-z 0-9 : _ . -";
    private static final Pattern DIRECT = Pattern.compile(
            "dm:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):"
                    + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /** The two players of a direct-message room. */
    public record Participants(UUID first, UUID second) {
        public boolean includes(UUID player) {
            return first.equals(player) || second.equals(player);
        }
    }

    private ChatRooms() {}

    /** The direct-message room of two players (the same whichever sends). */
    public static String direct(UUID a, UUID b) {
        String x = a.toString().toLowerCase(Locale.ROOT);
        String y = b.toString().toLowerCase(Locale.ROOT);
        return x.compareTo(y) <= 0 ? DIRECT_PREFIX + x + ":" + y : DIRECT_PREFIX + y + ":" + x;
    }

    public static boolean isDirect(String room) {
        return room != null && room.startsWith(DIRECT_PREFIX);
    }

    /** The participants of a well-formed direct-message room; empty for any other name. */
    public static Optional<Participants> participants(String room) {
        if (room == null) {
            return Optional.empty();
        }
        var m = DIRECT.matcher(room);
        if (!m.matches() || m.group(1).compareTo(m.group(2)) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Participants(UUID.fromString(m.group(1)), UUID.fromString(m.group(2))));
    }

    /**
     * The stored rooms whose messages {@code GET /chat/{room}/messages} shows. The socket {@code /chat/general} of
     * the original design talks in {@code chat:general}, so its users read it back by the name they used: a plain
     * name (no {@code :}) shows that room and its {@code chat:} twin together; {@code chat:general} itself stays
     * valid and shows just that room.
     */
    static List<String> historyOf(String room) {
        return room.indexOf(':') < 0 ? List.of(room, LEGACY_PREFIX + room) : List.of(room);
    }

    /** A room one may read: an ordinary name or a canonical direct-message room. */
    static void requireReadable(String room) {
        if (isDirect(room)) {
            if (participants(room).isEmpty()) {
                throw new ArenaException.Invalid("room",
                        "a direct-message room is dm:<smaller player id>:<larger player id>, lower case");
            }
        } else {
            requireName(room);
        }
    }

    /** A room one may post to with {@link ChatService#post}: an ordinary, unreserved name. */
    static void requirePostable(String room) {
        if (isDirect(room) || room != null && room.startsWith("user:")) {
            throw new ArenaException.Forbidden("room names starting with dm: and user: are reserved");
        }
        requireName(room);
    }

    private static void requireName(String room) {
        if (room == null || !NAME.matcher(room).matches()) {
            throw new ArenaException.Invalid("room", NAME_RULE);
        }
    }
}
