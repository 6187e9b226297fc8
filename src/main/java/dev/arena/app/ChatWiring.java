package dev.arena.app;

import static dev.arena.app.Wiring.await;

import dev.arena.chat.ChatModeration;
import dev.arena.chat.ChatService;
import dev.arena.chat.ModeratedChat;
import dev.arena.chat.ModerationCache;
import dev.arena.chat.ProfanityFilter;
import dev.arena.cluster.Backplane;
import dev.arena.config.ChatConfig;
import dev.arena.identity.AccountStore;
import dev.arena.identity.SessionRevocations;
import dev.arena.storage.postgres.PgChatStore;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * Chat (docs/CHAT.md): messages checked against the bans and mutes in force and the profanity filter, then stored;
 * moderation writes bans and mutes, which reach every node's cache through the backplane.
 */
final class ChatWiring {
    final ChatService chat;
    final ChatModeration moderation;

    ChatWiring(ChatConfig config, Pool pool, AccountStore accounts, Backplane backplane,
               SessionRevocations revocations, Clock clock) {
        PgChatStore store = new PgChatStore(pool);
        // bans and mutes in force are loaded before anything can post
        ModerationCache restrictions = await(backplane.moderation(store));
        var profanity = ProfanityFilter.load(config.wordlist(), config.filter());
        chat = new ModeratedChat(store, accounts, restrictions, profanity, config.maxLength(), clock);
        moderation = new ChatModeration(store, accounts, restrictions, clock, revocations);
    }
}
