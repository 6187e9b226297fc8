package dev.arena.chat;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * Room chat and direct messages: checks, filtering, moderation and persistence. The real-time gateway calls it
 * for {@code chat.send}, {@code chat.history}, {@code dm.send} and the legacy chat socket; the HTTP API for
 * history. Delivery to sockets is the gateway's job: this service only decides and stores.
 */
public interface ChatService {
    /** Largest page of {@link #history}. */
    int MAX_PAGE = 100;

    /** Checks length, ban, mute and the filter, persists, and returns the stored message. Fails with
     *  ArenaException.Invalid (empty/too long), ArenaException.Rejected with code "banned", "muted" (message says until when and why)
     *  or "filtered" (when the policy is to reject rather than mask). Nothing accepted is lost: it is stored before this future completes. */
    Future<ChatMessage> post(UUID senderId, String displayName, String room, String text);

    /** Direct message, stored in the room "dm:<smaller uuid>:<larger uuid>"; fails with NotFound if the recipient does not exist. */
    Future<ChatMessage> direct(UUID senderId, String displayName, UUID recipientId, String text);

    /** Newest-first paging by message id: messages with id < before (all when null), at most limit (1..100), returned oldest first, with next_before. */
    Future<ChatPage> history(String room, Long before, int limit);

    /**
     * {@link #history(String, Long, int)} on behalf of a reader: a direct-message room ({@code dm:…}) is
     * readable only by its two participants (others get {@code ArenaException.Forbidden}). Use this for
     * anything a client asked for.
     */
    Future<ChatPage> history(UUID reader, String room, Long before, int limit);
}
