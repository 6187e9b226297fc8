package dev.arena.chat;

import dev.arena.common.ArenaException;
import dev.arena.identity.AccountStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link ChatService}: every message is checked in a fixed order (room, text, ban, mute, filter), then
 * stored, and only a stored message is returned. The checks are in memory (the moderation cache and the
 * filter), so a refused message costs no query.
 */
public final class ModeratedChat implements ChatService {
    private final ChatStore store;
    private final AccountStore accounts;
    private final ModerationCache moderation;
    private final ProfanityFilter filter;
    private final int maxLength;
    private final Clock clock;

    public ModeratedChat(ChatStore store, AccountStore accounts, ModerationCache moderation, ProfanityFilter filter,
                         int maxLength, Clock clock) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.store = store;
        this.accounts = accounts;
        this.moderation = moderation;
        this.filter = filter;
        this.maxLength = maxLength;
        this.clock = clock;
    }

    @Override
    public Future<ChatMessage> post(UUID senderId, String displayName, String room, String text) {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(displayName, "displayName");
        try {
            ChatRooms.requirePostable(room);
            Instant now = now();
            Accepted accepted = accept(senderId, room, text, now);
            return store.append(accepted.draft(room, senderId, displayName, now));
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<ChatMessage> direct(UUID senderId, String displayName, UUID recipientId, String text) {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(displayName, "displayName");
        String room;
        Accepted accepted;
        Instant now = now();
        try {
            if (recipientId == null) {
                throw new ArenaException.Invalid("to", "is required");
            }
            if (recipientId.equals(senderId)) {
                throw new ArenaException.Invalid("to", "must be another player");
            }
            room = ChatRooms.direct(senderId, recipientId);
            accepted = accept(senderId, room, text, now);
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
        return accounts.byId(recipientId).compose(found -> found.isEmpty()
                ? Future.failedFuture(new ArenaException.NotFound("no player with id " + recipientId))
                : store.append(accepted.draft(room, senderId, displayName, now)));
    }

    @Override
    public Future<ChatPage> history(String room, Long before, int limit) {
        try {
            ChatRooms.requireReadable(room);
            checkPage(before, limit);
        } catch (ArenaException e) {
            return Future.failedFuture(e);
        }
        // One row more than asked tells whether older messages exist, without a second query.
        long below = before == null ? Long.MAX_VALUE : before;
        return store.newestBefore(ChatRooms.historyOf(room), below, limit + 1).map(rows -> {
            boolean more = rows.size() > limit;
            List<ChatMessage> page = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
            java.util.Collections.reverse(page);
            return new ChatPage(room, page, more ? page.getFirst().id() : null);
        });
    }

    @Override
    public Future<ChatPage> history(UUID reader, String room, Long before, int limit) {
        Objects.requireNonNull(reader, "reader");
        if (ChatRooms.isDirect(room)) {
            var participants = ChatRooms.participants(room);
            if (participants.isPresent() && !participants.get().includes(reader)) {
                return Future.failedFuture(new ArenaException.Forbidden(
                        "a direct-message room is readable only by its two participants"));
            }
        }
        return history(room, before, limit);
    }

    /** The text to store, and whether the filter masked it (the console counts filter hits per sender and room). */
    private record Accepted(String text, boolean filtered) {
        ChatStore.Draft draft(String room, UUID senderId, String displayName, Instant now) {
            return new ChatStore.Draft(room, senderId, displayName, text, now, filtered);
        }
    }

    /** The text to store, or the reason it is refused (length, ban, mute, filter: in that order). */
    private Accepted accept(UUID senderId, String room, String text, Instant now) {
        String body = checkText(text);
        ModerationStatus status = moderation.get(senderId);
        if (status.ban() != null) {
            throw new ArenaException.Rejected("banned",
                    "you are banned from chat (since " + status.ban().createdAt() + "): " + status.ban().reason());
        }
        var mute = status.muteIn(room, now);
        if (mute.isPresent()) {
            Mute m = mute.get();
            throw new ArenaException.Rejected("muted", "you are muted "
                    + (m.room() == null ? "in all chat" : "in " + m.room()) + " until " + m.until() + ": " + m.reason());
        }
        String filtered = filter.apply(body);
        return new Accepted(filtered, !filtered.equals(body));
    }

    private String checkText(String text) {
        if (text == null) {
            throw new ArenaException.Invalid("message", "is required");
        }
        String body = text.strip();
        if (body.isEmpty()) {
            throw new ArenaException.Invalid("message", "must not be empty");
        }
        if (body.codePointCount(0, body.length()) > maxLength) {
            throw new ArenaException.Invalid("message", "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            // NUL cannot be stored in PostgreSQL text; other control characters only garble clients.
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new ArenaException.Invalid("message", "must not contain control characters");
            }
        }
        return body;
    }

    private static void checkPage(Long before, int limit) {
        List<ArenaException.FieldError> errors = new ArrayList<>(2);
        if (before != null && before < 1) {
            errors.add(new ArenaException.FieldError("before", "must be a positive message id"));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            errors.add(new ArenaException.FieldError("limit", "must be between 1 and " + MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
    }

    /** Microsecond precision, as PostgreSQL stores it, so a returned message equals the stored one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
