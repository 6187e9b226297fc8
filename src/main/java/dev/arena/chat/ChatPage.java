package dev.arena.chat;

import java.util.List;

/**
 * A page of a room's history, oldest first. {@code nextBefore} is the id to pass as {@code before} for the
 * page of older messages, or null when this page reaches the start of the room.
 */
public record ChatPage(String room, List<ChatMessage> messages, Long nextBefore) {

    public ChatPage {
        messages = List.copyOf(messages);
    }
}
