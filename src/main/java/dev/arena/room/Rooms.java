package dev.arena.room;

import java.util.UUID;
import java.util.regex.Pattern;

/** Room names: what is valid, what is reserved, and how the original design's sockets map onto rooms. */
public final class Rooms {
    public static final int MAX_NAME_LENGTH = 64;
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9:_.-]{1," + MAX_NAME_LENGTH + "}");
    public static final String NAME_RULE = "must be 1-" + MAX_NAME_LENGTH + " characters of A-Z a-z 0-9 : _ . -";
    static final String GAME_PREFIX = "game:";
    static final String CHAT_PREFIX = "chat:";
    static final String USER_PREFIX = "user:";
    static final String TOURNAMENT_PREFIX = "tournament:";
    static final String LOGS_PREFIX = "logs:";

    private Rooms() {}

    /**
     * Whether {@code name} matches {@link #NAME}, by a loop over its characters: every client message naming a room
     * passes here, and the regex took about 1 % of the server's CPU under many busy rooms (a JFR CPU-time profile).
     * {@code RoomsTest} holds the two to the same answers.
     */
    public static boolean valid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Rooms a client may not join or send to by name: private delivery rooms and direct-message rooms. */
    public static boolean reserved(String name) {
        return name.startsWith(USER_PREFIX) || name.startsWith("dm:");
    }

    /**
     * Rooms only the server publishes to (tournament topics, {@code tournament:<id>}): clients may join them, but
     * {@code room.send} and {@code chat.send} there are refused.
     */
    public static boolean readOnly(String name) {
        return name.startsWith(TOURNAMENT_PREFIX) || name.startsWith(LOGS_PREFIX);
    }

    /** An ingest job's progress (docs/LOGS.md): {@code logs:<job id>}, read-only like tournament topics. */
    public static String logs(UUID jobId) {
        return LOGS_PREFIX + jobId;
    }

    /** {@code /tournaments/{id}/updates} is the room {@code tournament:{id}}. */
    public static String tournament(java.util.UUID id) {
        return TOURNAMENT_PREFIX + id;
    }

    /** {@code /games/{room}/live} is the room {@code game:{room}}. */
    public static String legacyGame(String room) {
        return GAME_PREFIX + room;
    }

    /** {@code /chat/{room_id}} is the room {@code chat:{room_id}}. */
    public static String legacyChat(String roomId) {
        return CHAT_PREFIX + roomId;
    }

    static String legacyChatId(String room) {
        return room.startsWith(CHAT_PREFIX) ? room.substring(CHAT_PREFIX.length()) : room;
    }

    /** Private rooms (a player's own) have no presence and announce nothing. */
    public static boolean isPrivate(String name) {
        return name.startsWith(USER_PREFIX);
    }

    /** Every connection of a player is in its private room, where direct messages are delivered. */
    public static String user(UUID playerId) {
        return USER_PREFIX + playerId;
    }
}
