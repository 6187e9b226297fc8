package dev.arena.chat;

import io.vertx.core.Future;
import java.util.UUID;

public interface ChatService {
    /** Checks length, ban, mute and the filter, persists, and returns the stored message. Fails with
     *  ArenaException.Invalid (empty/too long), ArenaException.Rejected with code "banned", "muted" (message says until when and why)
     *  or "filtered" (when the policy is to reject rather than mask). Nothing accepted is lost: it is stored before this future completes. */
    Future<ChatMessage> post(UUID senderId, String displayName, String room, String text);
    /** Direct message, stored in the room "dm:<smaller uuid>:<larger uuid>"; fails with NotFound if the recipient does not exist. */
    Future<ChatMessage> direct(UUID senderId, String displayName, UUID recipientId, String text);
    /** Newest-first paging by message id: messages with id < before (all when null), at most limit (1..100), returned oldest first, with next_before. */
    Future<ChatPage> history(String room, Long before, int limit);
}
