package dev.arena.chat;

import java.util.List;

public record ChatPage(String room, List<ChatMessage> messages, Long nextBefore) {}
