package dev.arena.gateway.http;

import dev.arena.chat.ChatModeration;
import dev.arena.chat.ChatService;
import dev.arena.chat.MuteOrder;
import dev.arena.common.ArenaException;
import dev.arena.common.ArenaException.FieldError;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /chat/*}: room history for any authenticated player (direct-message rooms for their two participants
 * only), and mutes and bans for moderators. Sending is real-time and lives in the WebSocket gateway.
 */
final class ChatApi {
    static final int DEFAULT_PAGE = 50;
    /** Shape only (a direct-message room is 76 characters); the chat domain checks the exact rules. */
    static final Pattern ROOM = Pattern.compile("[A-Za-z0-9:_.-]{1,80}");
    static final String ROOM_RULE = "must be a room name: 1-64 characters of A-Z a-z 0-9 : _ . -";

    private final ChatService chat;
    private final ChatModeration moderation;

    ChatApi(ChatService chat, ChatModeration moderation) {
        this.chat = chat;
        this.moderation = moderation;
    }

    void mount(Router router, Authenticator auth) {
        // History first: "/chat/moderation/messages" is the history of a room named "moderation".
        router.get("/chat/:room/messages").handler(auth).handler(this::history);
        router.post("/chat/mutes").handler(auth).handler(this::mute);
        router.delete("/chat/mutes/:player_id").handler(auth).handler(this::unmute);
        router.post("/chat/bans").handler(auth).handler(this::ban);
        router.delete("/chat/bans/:player_id").handler(auth).handler(this::unban);
        router.get("/chat/moderation/:player_id").handler(auth).handler(this::status);
    }

    private void history(RoutingContext ctx) {
        Principal me = Handlers.principal(ctx);
        List<FieldError> errors = new ArrayList<>(2);
        Long before = Handlers.wholeParam(ctx, "before", errors);
        Long limit = Handlers.wholeParam(ctx, "limit", errors);
        if (!errors.isEmpty()) {
            throw new ArenaException.Invalid(errors);
        }
        // Ranges (before >= 1, limit 1..100) are the service's rules; it reports them the same way.
        int size = limit == null ? DEFAULT_PAGE : (int) Math.min(limit, Integer.MAX_VALUE);
        Handlers.respond(ctx, 200, chat.history(me.playerId(), ctx.pathParam("room"), before, size));
    }

    private void mute(RoutingContext ctx) {
        Principal me = moderator(ctx);
        RequestBody body = RequestBody.of(ctx).only("player_id", "room", "duration_seconds", "reason");
        UUID player = uuid(body, "player_id");
        Optional<String> room = body.optionalString("room", 1, 80, ROOM, ROOM_RULE);
        Long seconds = integer(body, "duration_seconds", 1, MuteOrder.MAX_DURATION.toSeconds());
        String reason = body.string("reason", 1, MuteOrder.MAX_REASON, null, null);
        body.validate();
        MuteOrder order = new MuteOrder(player, room.orElse(null), Duration.ofSeconds(seconds), reason);
        Handlers.respond(ctx, 201, moderation.mute(me, order));
    }

    private void unmute(RoutingContext ctx) {
        Principal me = moderator(ctx);
        UUID player = Handlers.uuidParam(ctx, "player_id");
        List<String> rooms = ctx.queryParam("room");
        if (rooms.size() > 1) {
            throw new ArenaException.Invalid("room", "give at most one room");
        }
        Optional<String> room = rooms.stream().findFirst();
        if (room.isPresent() && !ROOM.matcher(room.get()).matches()) {
            throw new ArenaException.Invalid("room", ROOM_RULE);
        }
        Handlers.noContent(ctx, moderation.unmute(me, player, room));
    }

    private void ban(RoutingContext ctx) {
        Principal me = moderator(ctx);
        RequestBody body = RequestBody.of(ctx).only("player_id", "reason");
        UUID player = uuid(body, "player_id");
        String reason = body.string("reason", 1, MuteOrder.MAX_REASON, null, null);
        body.validate();
        Handlers.respond(ctx, 201, moderation.ban(me, player, reason));
    }

    private void unban(RoutingContext ctx) {
        Principal me = moderator(ctx);
        Handlers.noContent(ctx, moderation.unban(me, Handlers.uuidParam(ctx, "player_id")));
    }

    private void status(RoutingContext ctx) {
        Principal me = moderator(ctx);
        Handlers.respond(ctx, 200, moderation.status(me, Handlers.uuidParam(ctx, "player_id")));
    }

    /** The role is checked before the input: a player learns nothing about moderation requests. */
    private static Principal moderator(RoutingContext ctx) {
        Principal me = Handlers.principal(ctx);
        me.require(Role.MODERATOR);
        return me;
    }

    /** A required UUID string. */
    private static UUID uuid(RequestBody body, String field) {
        Object v = body.json().getValue(field);
        if (v == null) {
            body.error(field, body.json().containsKey(field) ? "must not be null" : "is required");
            return null;
        }
        if (v instanceof String s && s.length() == 36) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        body.error(field, "must be a UUID");
        return null;
    }

    /** A required JSON integer (not a string, not a fraction) within [min, max]. */
    /** A required whole number of the body between {@code min} and {@code max}. */
    static Long integer(RequestBody body, String field, long min, long max) {
        Object v = body.json().getValue(field);
        if (v == null) {
            body.error(field, body.json().containsKey(field) ? "must not be null" : "is required");
            return null;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > max) {
            body.error(field, "must be a whole number between " + min + " and " + max);
            return null;
        }
        return ((Number) v).longValue();
    }

    /** An optional query parameter that must be a whole number when present (and given once). */
}
