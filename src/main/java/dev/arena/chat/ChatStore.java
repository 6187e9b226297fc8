package dev.arena.chat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of chat history and moderation, implemented in {@code storage.postgres}. */
public interface ChatStore {

    /** A message about to be stored: everything but its id. {@code filtered}: the profanity filter masked it. */
    record Draft(String room, UUID from, String displayName, String message, Instant ts, boolean filtered) {
        public ChatMessage stored(long id) {
            return new ChatMessage(id, room, from, displayName, message, ts);
        }
    }

    /** Stores a message; the future completes once it is durable, with the id it got. */
    Future<ChatMessage> append(Draft draft);

    /** Up to {@code limit} messages of any of {@code rooms} with an id below {@code before}, newest first. */
    Future<List<ChatMessage>> newestBefore(List<String> rooms, long before, int limit);

    /**
     * Stores a mute, ending the one in force for the same player and room (a new mute replaces the old).
     * Fails with {@code NotFound} when the player does not exist.
     */
    Future<Mute> mute(Mute mute, Instant now);

    /** Lifts the player's mutes in force: in {@code room} only, or all when empty. Returns how many. */
    Future<Integer> unmute(UUID playerId, Optional<String> room, UUID by, Instant now);

    /** Fails with {@code Conflict} when the player is already banned, {@code NotFound} when unknown. */
    Future<Ban> ban(Ban ban);

    /** Lifts the player's ban; false when there was none. */
    Future<Boolean> unban(UUID playerId, UUID by, Instant now);

    /** The player's ban and mutes in force at {@code now}. */
    Future<ModerationStatus> status(UUID playerId, Instant now);

    /** Every player with a ban or a mute in force at {@code now} (loaded once at start). */
    Future<List<ModerationStatus>> restricted(Instant now);
}
